/** A webhook delivery log: when, which try, the answer, how long it took, what came back. */
import {
  Badge,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@rapport/ui";

export function DeliveryTable({
  rows,
}: {
  rows: {
    id: string;
    attempt: number;
    statusCode: number | null;
    ok: boolean;
    durationMs: number;
    responseExcerpt: string | null;
    error: string | null;
    createdAt: Date | string;
  }[];
}) {
  return (
    <Table caption="Deliveries, newest first" data-testid="delivery-log">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>When</TableHeaderCell>
          <TableHeaderCell numeric>Try</TableHeaderCell>
          <TableHeaderCell>Status</TableHeaderCell>
          <TableHeaderCell numeric>Duration</TableHeaderCell>
          <TableHeaderCell>Response</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((d) => (
          <TableRow key={d.id}>
            <TableCell>{new Date(d.createdAt).toLocaleString()}</TableCell>
            <TableCell numeric>{d.attempt}</TableCell>
            <TableCell>
              <Badge tone={d.ok ? "success" : "danger"}>{d.statusCode ?? "no answer"}</Badge>
            </TableCell>
            <TableCell numeric>{d.durationMs} ms</TableCell>
            <TableCell>{d.error ?? d.responseExcerpt ?? ""}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
