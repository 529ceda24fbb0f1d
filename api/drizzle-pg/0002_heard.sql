-- Written by hand (decision 024, db/heard.ts): a node remembers for a few seconds what it read,
-- and forgets it as soon as it hears that it changed. These triggers are how every node hears,
-- whatever wrote the change (a logout, an IdP's logout, an expiry, an organisation import, a node
-- of another build, hand-written SQL): `<topic>:<key>` or `<topic>` on the channel hall_heard,
-- sent by PostgreSQL when the transaction commits and never if it rolls back (repeats within one
-- transaction are folded into one).
--
-- A session deleted or changed (the minute's touch of last_seen_at, and a new session, say nothing).
CREATE FUNCTION "heard_session"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('hall_heard', 'session:' || OLD."id_hash");
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "heard_session" AFTER DELETE OR UPDATE OF "id_hash", "card_number", "user", "created_at", "name_id", "session_index" ON "sessions"
  FOR EACH ROW EXECUTE FUNCTION "heard_session"();
--> statement-breakpoint
-- What /api/me adds to a session: the language a person chose…
CREATE FUNCTION "heard_language"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('hall_heard', 'me:' || (CASE WHEN TG_OP = 'DELETE' THEN OLD."card_number" ELSE NEW."card_number" END));
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "heard_language" AFTER INSERT OR DELETE OR UPDATE OF "card_number", "language", "language_chosen_at" ON "notification_preferences"
  FOR EACH ROW EXECUTE FUNCTION "heard_language"();
--> statement-breakpoint
-- A whole topic, named by the trigger's argument: the names of departments (everyone's /api/me)…
CREATE FUNCTION "heard_topic"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('hall_heard', TG_ARGV[0]);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "heard_departments" AFTER INSERT OR DELETE OR UPDATE ON "departments"
  FOR EACH STATEMENT EXECUTE FUNCTION "heard_topic"('me');
--> statement-breakpoint
-- …and the catalog's revision, which every writer of the catalog raises in its transaction.
CREATE TRIGGER "heard_catalog" AFTER INSERT OR DELETE OR UPDATE ON "catalog_revision"
  FOR EACH STATEMENT EXECUTE FUNCTION "heard_topic"('catalog');
