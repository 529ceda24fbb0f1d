CREATE TABLE "task_list_revisions" (
	"card_number" text NOT NULL,
	"writer" integer DEFAULT 0 NOT NULL,
	"revision" integer NOT NULL,
	CONSTRAINT "task_list_revisions_card_number_writer_pk" PRIMARY KEY("card_number","writer")
);
--> statement-breakpoint
-- Written by hand: the triggers that raise the numbers (schema/applications.ts, taskListRevisions),
-- as SQLite's migration 0011 does. Each connection raises rows of its own (`writer`: its process
-- id modulo 1024): under SERIALIZABLE, two transactions raising one row would fail the later commit
-- (40001), and sixteen approvals at once for one reviewer ran out of retries. Constraint triggers
-- deferred to the commit, in card-number order: what a row is still shared by is held briefly.
CREATE FUNCTION "task_list_revisions_raise"(people text[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "task_list_revisions" ("card_number", "writer", "revision")
    SELECT DISTINCT "person", pg_backend_pid() % 1024, 1 FROM unnest(people) AS "person" WHERE "person" IS NOT NULL ORDER BY "person"
    ON CONFLICT ("card_number", "writer") DO UPDATE SET "revision" = "task_list_revisions"."revision" + 1;
$$;
--> statement-breakpoint
-- A task row's people: who holds it, whom they hold it for, who closed it; before and after.
CREATE FUNCTION "task_list_revisions_task"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM "task_list_revisions_raise"(ARRAY[NEW."assignee_card_number", NEW."on_behalf_of", NEW."closed_by"]);
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM "task_list_revisions_raise"(ARRAY[OLD."assignee_card_number", OLD."on_behalf_of", OLD."closed_by", NEW."assignee_card_number", NEW."on_behalf_of", NEW."closed_by"]);
  ELSE
    PERFORM "task_list_revisions_raise"(ARRAY[OLD."assignee_card_number", OLD."on_behalf_of", OLD."closed_by"]);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- Only the columns a list row shows: the deadline scan's claims (reminded_at…) change no list.
CREATE CONSTRAINT TRIGGER "task_list_revisions_task" AFTER INSERT OR DELETE OR UPDATE OF "application_id", "engine_task_id", "service_code", "step_key", "step_name_zh", "step_name_en", "assignee_card_number", "on_behalf_of", "status", "outcome", "box", "created_at", "due_at", "decided_at", "closed_by" ON "tasks"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "task_list_revisions_task"();
--> statement-breakpoint
-- An application's row in its tasks' lists: status, engine state (its version), number, applicant, service.
CREATE FUNCTION "task_list_revisions_application"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "task_list_revisions_raise"(ARRAY(
    SELECT unnest(ARRAY["assignee_card_number", "on_behalf_of", "closed_by"]) FROM "tasks" WHERE "application_id" = NEW."id"
  ));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "task_list_revisions_application" AFTER UPDATE OF "status", "state_version", "reference_number", "applicant_card_number", "service_code", "service_version_id" ON "applications"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "task_list_revisions_application"();
--> statement-breakpoint
-- Everyone's (`*`): the names, kinds and departments of people, departments' names, services' names.
-- Once per statement: an organisation import changes thousands of people in one.
CREATE FUNCTION "task_list_revisions_everyone"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "task_list_revisions_raise"(ARRAY['*']);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "task_list_revisions_people" AFTER INSERT OR DELETE OR UPDATE OF "card_number", "name", "name_en", "kind", "department_code" ON "people"
  FOR EACH STATEMENT EXECUTE FUNCTION "task_list_revisions_everyone"();
--> statement-breakpoint
CREATE TRIGGER "task_list_revisions_departments" AFTER INSERT OR DELETE OR UPDATE OF "code", "name_zh", "name_en" ON "departments"
  FOR EACH STATEMENT EXECUTE FUNCTION "task_list_revisions_everyone"();
--> statement-breakpoint
CREATE TRIGGER "task_list_revisions_service_versions" AFTER DELETE OR UPDATE OF "id", "name_zh", "name_en" ON "service_versions"
  FOR EACH STATEMENT EXECUTE FUNCTION "task_list_revisions_everyone"();
