CREATE TABLE `saml_used_logout_requests` (
	`request_id` text PRIMARY KEY NOT NULL,
	`used_at` integer NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `saml_used_logout_requests_expires` ON `saml_used_logout_requests` (`expires_at`);--> statement-breakpoint
ALTER TABLE `mf_deployments` ADD `activation` integer DEFAULT 0 NOT NULL;