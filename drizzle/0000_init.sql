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
CREATE INDEX `decisions_case` ON `decisions` (`case_id`);--> statement-breakpoint
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
CREATE TABLE `run_lock` (
	`id` integer PRIMARY KEY NOT NULL,
	`pid` integer NOT NULL,
	`host` text NOT NULL,
	`command` text NOT NULL,
	`since` text NOT NULL
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
