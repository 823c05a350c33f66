/** When another tab saved first: both captions side by side, and the three ways out. Nothing is lost. */
import { Button, Card } from "@rapport/ui";

export function DraftConflictCard({
  theirVersion,
  mine,
  theirs,
  onKeepMine,
  onTakeTheirs,
  onCopyMine,
  copying,
}: {
  theirVersion: number;
  mine: string;
  theirs: string;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
  onCopyMine: () => void;
  copying: boolean;
}) {
  return (
    <Card title="This draft changed in another tab" headingLevel={2} data-testid="conflict">
      <div className="stack">
        <p>
          Someone (maybe you, in another tab) saved version {theirVersion} while you were editing.
          Nothing is lost: choose which version to keep.
        </p>
        <div className="grid-2 conflict-versions">
          <section aria-labelledby="mine-title">
            <h3 id="mine-title" className="section-title">
              Your version (this tab)
            </h3>
            <pre className="conflict-text" data-testid="conflict-mine">
              {mine}
            </pre>
          </section>
          <section aria-labelledby="theirs-title">
            <h3 id="theirs-title" className="section-title">
              Saved version {theirVersion}
            </h3>
            <pre className="conflict-text" data-testid="conflict-theirs">
              {theirs}
            </pre>
          </section>
        </div>
        <div className="conflict-actions">
          <Button onClick={onKeepMine}>Keep mine</Button>
          <Button variant="secondary" onClick={onTakeTheirs}>
            Take theirs
          </Button>
          <Button variant="secondary" onClick={onCopyMine} loading={copying}>
            Copy mine to a new draft
          </Button>
        </div>
      </div>
    </Card>
  );
}
