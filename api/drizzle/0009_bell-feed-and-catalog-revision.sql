CREATE TABLE `catalog_revision` (
	`id` integer PRIMARY KEY NOT NULL,
	`revision` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `notifications_read_at` ON `notifications` (`read_at`);