CREATE TABLE `applies` (
	`id` text PRIMARY KEY NOT NULL,
	`started_at` text NOT NULL,
	`finished_at` text,
	`review_file` text NOT NULL,
	`dry_run` integer NOT NULL,
	`summary` text
);
--> statement-breakpoint
CREATE TABLE `apply_steps` (
	`run_id` text NOT NULL,
	`case_id` text NOT NULL,
	`step_index` integer NOT NULL,
	`apply_id` text NOT NULL,
	`kind` text NOT NULL,
	`system` text NOT NULL,
	`target_id` text NOT NULL,
	`status` text NOT NULL,
	`request_id` text NOT NULL,
	`before` text,
	`after` text,
	`error` text,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`run_id`, `case_id`, `step_index`)
);
--> statement-breakpoint
CREATE INDEX `apply_steps_case` ON `apply_steps` (`case_id`);--> statement-breakpoint
CREATE TABLE `case_applications` (
	`run_id` text NOT NULL,
	`case_id` text NOT NULL,
	`apply_id` text NOT NULL,
	`status` text NOT NULL,
	`detail` text,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`run_id`, `case_id`)
);
--> statement-breakpoint
CREATE INDEX `case_applications_case` ON `case_applications` (`case_id`);--> statement-breakpoint
CREATE TABLE `decisions` (
	`case_id` text NOT NULL,
	`run_id` text NOT NULL,
	`decision` text NOT NULL,
	`fingerprint` text NOT NULL,
	`note` text NOT NULL,
	`source` text NOT NULL,
	`decided_at` text NOT NULL,
	`revoked_at` text,
	PRIMARY KEY(`case_id`, `run_id`)
);
--> statement-breakpoint
CREATE INDEX `decisions_case` ON `decisions` (`case_id`);