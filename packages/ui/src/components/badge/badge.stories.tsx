import type { Meta, StoryObj } from "@storybook/react-vite";
import { Badge } from "./badge";

const meta = {
  title: "Primitives/Badge",
  component: Badge,
  args: { children: "Scheduled", tone: "neutral" },
  argTypes: { tone: { control: "select", options: ["neutral", "accent", "success", "warning", "danger", "info"] } },
} satisfies Meta<typeof Badge>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};
const all = () => (
  <div style={{ display: "flex", gap: 8, flexWrap: "wrap" }}>
    <Badge>Draft</Badge>
    <Badge tone="accent">Scheduled</Badge>
    <Badge tone="success">Published</Badge>
    <Badge tone="warning">Needs review</Badge>
    <Badge tone="danger">Failed</Badge>
    <Badge tone="info">Imported</Badge>
  </div>
);
export const AllTones: Story = { render: all };
export const DarkTheme: Story = { render: all, globals: { theme: "dark" } };
