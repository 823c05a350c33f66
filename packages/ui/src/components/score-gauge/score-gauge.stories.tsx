import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect } from "storybook/test";
import { ScoreGauge } from "./score-gauge";

const meta = {
  title: "Domain/ScoreGauge",
  component: ScoreGauge,
  args: { score: 72, band: "strong", caption: "vs your last 30 posts" },
  argTypes: {
    score: { control: { type: "range", min: 0, max: 100 } },
    band: { control: "inline-radio", options: ["low", "typical", "strong", "standout"] },
  },
} satisfies Meta<typeof ScoreGauge>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Strong: Story = {
  play: async ({ canvas }) => {
    const meter = canvas.getByRole("meter", { name: "Engagement score" });
    await expect(meter).toHaveAttribute("aria-valuenow", "72");
    await expect(meter).toHaveAttribute("aria-valuetext", "72 out of 100, Strong");
  },
};
export const Low: Story = { args: { score: 18, band: "low" } };
export const Typical: Story = { args: { score: 47, band: "typical" } };
export const Standout: Story = { args: { score: 94, band: "standout" } };
export const Extremes: Story = {
  render: () => (
    <div style={{ display: "flex", gap: 24 }}>
      <ScoreGauge score={0} band="low" label="Empty" size="sm" />
      <ScoreGauge score={100} band="standout" label="Full" size="sm" />
      <ScoreGauge score={55} label="No band" size="sm" />
    </div>
  ),
};
export const AllBands: Story = {
  render: () => (
    <div style={{ display: "flex", gap: 24, flexWrap: "wrap" }}>
      <ScoreGauge score={18} band="low" label="Draft A" />
      <ScoreGauge score={47} band="typical" label="Draft B" />
      <ScoreGauge score={72} band="strong" label="Draft C" />
      <ScoreGauge score={94} band="standout" label="Draft D" />
    </div>
  ),
};
export const Large: Story = { args: { size: "lg" } };
export const DarkTheme: Story = { ...AllBands, globals: { theme: "dark" } };
