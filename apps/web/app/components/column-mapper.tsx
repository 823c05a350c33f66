/**
 * The column-mapping step for "any CSV": reads the header row in the browser, suggests a column for
 * each field from core's header aliases (or a mapping saved earlier), and hands back the mapping.
 */
import { DATE_FORMATS, MAPPER_FIELD_LABELS, PLATFORMS, PLATFORM_LABELS, readCsvRows, suggestColumns, type ColumnMapping, type MappableField } from "@rapport/core";
import { Button, Select, TextField } from "@rapport/ui";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTRPC } from "~/trpc/react";

const FIELDS = (Object.entries(MAPPER_FIELD_LABELS) as [MappableField, string][]).map(([field, label]) => ({ field, label }));
const FIELD_HELP: Partial<Record<MappableField, string>> = {
  id: "Lets a later import of the same post update it instead of adding it again. No id column? Each post is then matched on its publish time and caption.",
  format: "Image, video, carousel...",
};

export function ColumnMapper({ workspaceId, file, timeZone, platform, onChange }: { workspaceId: string; file: File; timeZone: string; platform: string; onChange: (m: ColumnMapping | null) => void }) {
  const trpc = useTRPC();
  const saved = useQuery(trpc.import.mappings.queryOptions({ workspaceId }));
  const save = useMutation(trpc.import.saveMapping.mutationOptions({ onSuccess: () => void saved.refetch() }));
  const [headers, setHeaders] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping | null>(null);
  const [name, setName] = useState("");

  useEffect(() => {
    let live = true;
    void file
      .slice(0, 64 * 1024)
      .text()
      .then((text) => {
        const firstLine = text.split(/\r?\n/)[0] ?? "";
        const { rows, error: e } = readCsvRows(firstLine);
        if (!live) return;
        const h = rows[0]?.map((c) => c.trim()).filter(Boolean) ?? [];
        if (e || h.length === 0) {
          setError("Could not read a header row in this file.");
          return;
        }
        setHeaders(h);
        const columns = suggestColumns(h);
        setMapping({ columns, platform: (PLATFORMS as readonly string[]).includes(platform) ? (platform as ColumnMapping["platform"]) : "instagram", timeZone, dateFormat: "iso" });
      });
    return () => {
      live = false;
    };
  }, [file, timeZone, platform]);

  useEffect(() => onChange(mapping), [mapping, onChange]);

  if (error) return <p role="alert" className="inline-error">{error}</p>;
  if (!headers || !mapping) return <p className="muted">Reading the columns…</p>;
  const set = (patch: Partial<ColumnMapping>) => setMapping({ ...mapping, ...patch });
  return (
    <fieldset className="stack">
      <legend>Which column holds what? (suggested from the header names)</legend>
      {saved.data && saved.data.length > 0 ? (
        <Select
          label="Use a saved mapping"
          name="savedMapping"
          defaultValue=""
          onChange={(e) => {
            const m = saved.data.find((s) => s.id === e.target.value);
            if (m) setMapping({ ...m.mapping, timeZone });
          }}
          options={[{ value: "", label: "Choose…" }, ...saved.data.map((s) => ({ value: s.id, label: s.name }))]}
        />
      ) : null}
      <div className="grid-3">
        {FIELDS.map(({ field, label }) => (
          <Select
            key={field}
            label={label}
            description={FIELD_HELP[field]}
            name={`map-${field}`}
            value={mapping.columns[field] ?? ""}
            onChange={(e) => set({ columns: { ...mapping.columns, [field]: e.target.value || undefined } })}
            options={[{ value: "", label: "Not in this file" }, ...headers.map((h) => ({ value: h, label: h }))]}
          />
        ))}
      </div>
      <div className="grid-3">
        <Select label="Platform" name="map-platform" value={mapping.platform} onChange={(e) => set({ platform: e.target.value as ColumnMapping["platform"] })} options={PLATFORMS.map((p) => ({ value: p, label: PLATFORM_LABELS[p] }))} />
        <Select label="Date format" name="map-dateFormat" value={mapping.dateFormat ?? "iso"} onChange={(e) => set({ dateFormat: e.target.value as ColumnMapping["dateFormat"] })} options={DATE_FORMATS.map((d) => ({ value: d, label: d }))} />
      </div>
      <div className="inline-form">
        <TextField label="Save this mapping as" name="mappingName" value={name} onChange={(e) => setName(e.target.value)} placeholder="My spreadsheet" />
        <Button type="button" variant="secondary" size="sm" disabled={!name.trim() || save.isPending} onClick={() => save.mutate({ workspaceId, name: name.trim(), mapping })}>
          Save mapping
        </Button>
        {save.isSuccess ? <span role="status">Saved.</span> : null}
        {save.error ? <span role="alert" className="inline-error">{save.error.message}</span> : null}
      </div>
    </fieldset>
  );
}
