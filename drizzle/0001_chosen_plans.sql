CREATE TABLE `chosen_plans` (
	`run_id` text NOT NULL,
	`case_id` text NOT NULL,
	`choice` text NOT NULL,
	`body` text NOT NULL,
	`source` text NOT NULL,
	`decided_at` text NOT NULL,
	PRIMARY KEY(`run_id`, `case_id`)
);
--> statement-breakpoint
ALTER TABLE `decisions` ADD `choice` text;