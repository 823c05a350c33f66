import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect } from "storybook/test";
import { ScoreBadge } from "./score-badge";

const meta = {
  title: "Domain/ScoreBadge",
  component: ScoreBadge,
  args: { score: 72, band: "strong" },
} satisfies Meta<typeof ScoreBadge>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvasElement }) => {
    await expect(canvasElement).toHaveTextContent("72score, Strong");
  },
};
export const Compact: Story = { args: { compact: true } };
const all = () => (
  <div style={{ display: "flex", gap: 8, flexWrap: "wrap" }}>
    <ScoreBadge score={18} band="low" />
    <ScoreBadge score={47} band="typical" />
    <ScoreBadge score={72} band="strong" />
    <ScoreBadge score={94} band="standout" />
  </div>
);
export const AllBands: Story = { render: all };
export const DarkTheme: Story = { render: all, globals: { theme: "dark" } };
