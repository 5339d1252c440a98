CREATE TABLE `case_reverts` (
	`run_id` text NOT NULL,
	`case_id` text NOT NULL,
	`revert_id` text NOT NULL,
	`status` text NOT NULL,
	`detail` text,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`run_id`, `case_id`)
);
--> statement-breakpoint
CREATE INDEX `case_reverts_case` ON `case_reverts` (`case_id`);--> statement-breakpoint
CREATE TABLE `revert_steps` (
	`run_id` text NOT NULL,
	`case_id` text NOT NULL,
	`step_index` integer NOT NULL,
	`revert_id` text NOT NULL,
	`kind` text NOT NULL,
	`system` text NOT NULL,
	`target_id` text NOT NULL,
	`status` text NOT NULL,
	`request_id` text NOT NULL,
	`expected` text,
	`after` text,
	`error` text,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`run_id`, `case_id`, `step_index`)
);
--> statement-breakpoint
CREATE INDEX `revert_steps_case` ON `revert_steps` (`case_id`);