// Renders the design tokens straight from tokens.css, so this page can never drift from the source.
import tokensCss from "../styles/tokens.css?raw";

const lightBlock = tokensCss.split('[data-theme="dark"]')[0] ?? "";
const tokenNames = [...lightBlock.matchAll(/(--rp-[a-z0-9-]+)\s*:\s*([^;]+);/g)].map((m) => ({ name: m[1] ?? "", value: (m[2] ?? "").trim() }));

export type TokenGroup = "color" | "band" | "heat" | "font" | "text" | "space" | "radius" | "shadow" | "duration" | "other";

function groupOf(name: string): TokenGroup {
  const key = name.replace("--rp-", "").split("-")[0] ?? "";
  if (["color", "band", "heat", "font", "text", "space", "radius", "shadow", "duration"].includes(key)) return key as TokenGroup;
  return "other";
}

const cell = { padding: "6px 12px", borderBottom: "1px solid var(--rp-color-border)", textAlign: "left" as const, verticalAlign: "middle" as const };

function Sample({ name, group }: { name: string; group: TokenGroup }) {
  const v = `var(${name})`;
  switch (group) {
    case "color":
    case "band":
    case "heat":
      return <span style={{ display: "inline-block", width: 48, height: 24, borderRadius: 4, background: v, border: "1px solid var(--rp-color-border)" }} />;
    case "space":
      return <span style={{ display: "inline-block", width: v, height: 12, background: "var(--rp-color-accent)" }} />;
    case "radius":
      return <span style={{ display: "inline-block", width: 40, height: 24, borderRadius: v, border: "2px solid var(--rp-color-accent)" }} />;
    case "shadow":
      return <span style={{ display: "inline-block", width: 48, height: 24, borderRadius: 6, boxShadow: v, background: "var(--rp-color-surface)" }} />;
    case "text":
      return name.includes("leading") || name.includes("weight") ? <span>Aa</span> : <span style={{ fontSize: v }}>Aa</span>;
    case "font":
      return <span style={{ fontFamily: v }}>Rapport 0123</span>;
    default:
      return null;
  }
}

export function TokenTable({ groups }: { groups?: TokenGroup[] }) {
  const rows = tokenNames.filter((t) => !groups || groups.includes(groupOf(t.name)));
  return (
    <table style={{ borderCollapse: "collapse", fontSize: 14, width: "100%", color: "var(--rp-color-text)" }}>
      <caption style={{ textAlign: "left", fontWeight: 650, padding: "8px 0" }}>Design tokens ({rows.length}), light theme values</caption>
      <thead>
        <tr>
          <th scope="col" style={cell}>Token</th>
          <th scope="col" style={cell}>Value</th>
          <th scope="col" style={cell}>Sample</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((t) => (
          <tr key={t.name}>
            <td style={{ ...cell, fontFamily: "var(--rp-font-mono)" }}>{t.name}</td>
            <td style={{ ...cell, fontFamily: "var(--rp-font-mono)", color: "var(--rp-color-text-muted)" }}>{t.value}</td>
            <td style={cell}>
              <Sample name={t.name} group={groupOf(t.name)} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
