-- Every workspace keeps at least one owner (issue 14, finding 5). Two owners demoting each other at
-- the same moment each saw the other still an owner; the check now runs in the database after every
-- change to a membership, holding a lock on the workspace row so concurrent checks take turns and
-- the second one sees the first one's commit. Removing the workspace itself, or the user's account,
-- is not blocked (the memberships go with it).
CREATE OR REPLACE FUNCTION rapport_keep_an_owner() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.role <> 'owner' THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' AND NEW.role = 'owner' AND NEW.workspace_id = OLD.workspace_id THEN
    RETURN NULL;
  END IF;
  PERFORM 1 FROM workspaces WHERE id = OLD.workspace_id FOR UPDATE;
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM users WHERE id = OLD.user_id) THEN
    RETURN NULL;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM memberships WHERE workspace_id = OLD.workspace_id AND role = 'owner') THEN
    RAISE EXCEPTION 'A workspace needs at least one owner. Make someone else an owner first.'
      USING ERRCODE = 'RP001';
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER memberships_keep_an_owner
  AFTER UPDATE OR DELETE ON memberships
  DEFERRABLE INITIALLY IMMEDIATE
  FOR EACH ROW EXECUTE FUNCTION rapport_keep_an_owner();
