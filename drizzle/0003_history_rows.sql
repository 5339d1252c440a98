CREATE TABLE `history_loads` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `history_rows` (
	`load` integer NOT NULL,
	`kind` text NOT NULL,
	`customer_id` text NOT NULL,
	`body` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `history_rows_by_customer` ON `history_rows` (`load`,`kind`,`customer_id`);--> statement-breakpoint
ALTER TABLE `snapshots` ADD `history_load` integer;