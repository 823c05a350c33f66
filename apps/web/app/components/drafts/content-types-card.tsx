/** The workspace's content types: renamed in its own words, added, archived (archived ones stay on old drafts). */
import { Badge, Button, Card, TextField } from "@rapport/ui";
import { Form } from "@remix-run/react";
import type { DraftsData } from "~/routes/w.$workspaceId.drafts._index";

export function ContentTypesCard({
  contentTypes,
  canEdit,
}: Pick<DraftsData, "contentTypes"> & { canEdit: boolean }) {
  return (
    <Card
      title="Content types"
      headingLevel={2}
      description="The kinds of post this workspace makes. Rename them in your own words or add your own; archived types stay on old drafts."
    >
      <details className="content-types">
        <summary>
          Edit content types ({contentTypes.filter((t) => !t.archived).length} in use)
        </summary>
        <ul className="stack run-again">
          {contentTypes.map((t) => (
            <li key={t.key}>
              {canEdit ? (
                <Form method="post" className="inline-form">
                  <input type="hidden" name="key" value={t.key} />
                  <TextField
                    label={`Name of ${t.label}`}
                    hideLabel
                    name="label"
                    defaultValue={t.label}
                  />
                  <Button
                    type="submit"
                    name="intent"
                    value="renameType"
                    size="sm"
                    variant="secondary"
                  >
                    Rename
                  </Button>
                  <input type="hidden" name="archived" value={t.archived ? "false" : "true"} />
                  <Button type="submit" name="intent" value="archiveType" size="sm" variant="ghost">
                    {t.archived ? "Restore" : "Archive"}
                  </Button>
                  {t.archived ? <Badge>archived</Badge> : null}
                </Form>
              ) : (
                <span>
                  {t.label} {t.archived ? <Badge>archived</Badge> : null}
                </span>
              )}
            </li>
          ))}
        </ul>
        {canEdit ? (
          <Form method="post" className="inline-form">
            <TextField label="New content type" name="label" placeholder="Latte art Fridays" />
            <Button type="submit" name="intent" value="addType" variant="secondary">
              Add type
            </Button>
          </Form>
        ) : null}
      </details>
    </Card>
  );
}
