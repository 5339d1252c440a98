CREATE TABLE `run_lock` (
	`id` integer PRIMARY KEY NOT NULL,
	`pid` integer NOT NULL,
	`host` text NOT NULL,
	`command` text NOT NULL,
	`since` text NOT NULL
);
