/**
 * Sends an import file with XMLHttpRequest (fetch has no upload progress) and reports the job id.
 * The fields go before the file so the server knows what it receives before the bytes arrive.
 */
import type { ColumnMapping } from "@rapport/core";
import { Alert, Button, ProgressBar, Select } from "@rapport/ui";
import { useCallback, useRef, useState } from "react";
import { ColumnMapper } from "./column-mapper";

export const IMPORT_KINDS = [
  { value: "uci-csv", label: "UCI Facebook metrics (CSV)" },
  { value: "meta-csv", label: "Meta Business Suite post export (CSV)" },
  { value: "instagram-json", label: "Instagram “Download your information” posts (JSON)" },
  { value: "mapped-csv", label: "Any other CSV (choose the columns)" },
  { value: "followers-csv", label: "Follower history (CSV: Date, Followers)" },
] as const;

interface Props {
  workspaceId: string;
  profiles: { id: string; label: string; timeZone: string; platform: string }[];
  onStarted: (importId: string) => void;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function ImportUploader({ workspaceId, profiles, onStarted }: Props) {
  const fileRef = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<{ sent: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [kind, setKind] = useState<string>(IMPORT_KINDS[0].value);
  const [file, setFile] = useState<File | null>(null);
  const [profileId, setProfileId] = useState(profiles[0]?.id ?? "");
  const [mapping, setMapping] = useState<ColumnMapping | null>(null);
  const onMapping = useCallback((m: ColumnMapping | null) => setMapping(m), []);

  function submit(form: HTMLFormElement) {
    setError(null);
    const file = fileRef.current?.files?.[0];
    if (!file) {
      setError("Choose a file to import.");
      return;
    }
    if (file.size > 200 * 1024 * 1024) {
      setError(`This file is ${mb(file.size)}; the limit is 200 MB. Export a shorter date range and import it in parts.`);
      return;
    }
    const fd = new FormData(form);
    const body = new FormData();
    body.append("profileId", String(fd.get("profileId") ?? ""));
    body.append("kind", String(fd.get("kind") ?? ""));
    if (kind === "mapped-csv") {
      if (!mapping || !mapping.columns.publishedAt) {
        setError("Choose the column that holds the publish date.");
        return;
      }
      body.append("mapping", JSON.stringify(mapping));
    }
    body.append("file", file, file.name);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/w/${workspaceId}/import/upload`);
    xhr.responseType = "json";
    xhr.upload.onprogress = (e) => setProgress({ sent: e.loaded, total: e.lengthComputable ? e.total : file.size });
    xhr.onload = () => {
      setProgress(null);
      const res = xhr.response as { importId?: string; error?: string } | null;
      if (xhr.status >= 200 && xhr.status < 300 && res?.importId) onStarted(res.importId);
      else setError(res?.error ?? "The upload failed. Try again.");
    };
    xhr.onerror = () => {
      setProgress(null);
      setError("The upload was interrupted (network). Try again.");
    };
    setProgress({ sent: 0, total: file.size });
    xhr.send(body);
  }

  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        submit(e.currentTarget);
      }}
    >
      <Select label="Profile" name="profileId" value={profileId} onChange={(e) => setProfileId(e.target.value)} options={profiles.map((p) => ({ value: p.id, label: p.label }))} />
      <Select label="File type" name="kind" value={kind} onChange={(e) => setKind(e.target.value)} options={IMPORT_KINDS.map((k) => ({ value: k.value, label: k.label }))} />
      <div className="file-field">
        <label htmlFor="import-file">File</label>
        <input id="import-file" ref={fileRef} type="file" name="file" accept=".csv,.json,text/csv,application/json" required onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        <span className="muted">Up to 200 MB. Nothing is written until you confirm the preview.</span>
      </div>
      {kind === "mapped-csv" && file ? (
        <ColumnMapper
          workspaceId={workspaceId}
          file={file}
          timeZone={profiles.find((p) => p.id === profileId)?.timeZone ?? "UTC"}
          platform={profiles.find((p) => p.id === profileId)?.platform ?? "instagram"}
          onChange={onMapping}
        />
      ) : null}
      {progress ? (
        <ProgressBar label="Uploading" value={progress.sent} max={Math.max(progress.total, 1)} valueText={`${mb(progress.sent)} of ${mb(progress.total)}`} />
      ) : null}
      {error ? <Alert tone="danger">{error}</Alert> : null}
      <Button type="submit" disabled={progress !== null}>
        {progress ? "Uploading…" : "Upload and preview"}
      </Button>
    </form>
  );
}
