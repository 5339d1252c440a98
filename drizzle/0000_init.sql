CREATE TABLE `cases` (
	`run_id` text NOT NULL,
	`case_id` text NOT NULL,
	`scenario` text NOT NULL,
	`confidence` real NOT NULL,
	`fingerprint` text NOT NULL,
	`body` text NOT NULL,
	PRIMARY KEY(`run_id`, `case_id`),
	FOREIGN KEY (`run_id`) REFERENCES `runs`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `cases_case_id` ON `cases` (`case_id`);--> statement-breakpoint
CREATE TABLE `qbo_tokens` (
	`realm_id` text PRIMARY KEY NOT NULL,
	`access_token` text NOT NULL,
	`refresh_token` text NOT NULL,
	`access_token_expires_at` integer NOT NULL,
	`refresh_token_expires_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` text DEFAULT CURRENT_TIMESTAMP NOT NULL
);
--> statement-breakpoint
CREATE TABLE `runs` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`status` text NOT NULL,
	`started_at` text NOT NULL,
	`finished_at` text,
	`snapshot_id` text,
	`inputs` text NOT NULL,
	`summary` text
);
--> statement-breakpoint
CREATE TABLE `snapshots` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`source` text NOT NULL,
	`counts` text NOT NULL,
	`data` blob NOT NULL
);
