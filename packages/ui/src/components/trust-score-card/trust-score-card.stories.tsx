import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect } from "storybook/test";
import { Button } from "../button/button";
import { TrustScoreCard } from "./trust-score-card";

const meta = {
  title: "Domain/TrustScoreCard",
  component: TrustScoreCard,
  args: {
    score: 68,
    band: "strong",
    summary: "Based on 38 posts from the last 90 days.",
    evidence: [
      { id: "n", label: "38 posts analysed", detail: "Enough for weekly patterns; not yet for hour-by-hour.", status: "good" },
      { id: "reach", label: "Reach reported for every post", detail: "Rates use people reached as the denominator.", status: "good" },
      { id: "gap", label: "Two weeks with no posts in January", detail: "Trends across that gap are less certain.", status: "caution" },
      { id: "stories", label: "Stories not imported", detail: "Connect Instagram to include them.", status: "missing" },
    ],
  },
} satisfies Meta<typeof TrustScoreCard>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByRole("meter", { name: "Trust score" })).toHaveAttribute("aria-valuenow", "68");
    await expect(canvas.getByRole("list", { name: "Evidence" })).toHaveTextContent("Caution: Two weeks with no posts");
  },
};
export const Low: Story = {
  args: {
    score: 22,
    band: "low",
    summary: "Based on 6 posts.",
    evidence: [{ id: "n", label: "Only 6 posts analysed", detail: "We need at least 20 for stable patterns.", status: "caution" }],
    actions: <Button size="sm" variant="secondary">Import more posts</Button>,
  },
};
export const DarkTheme: Story = { globals: { theme: "dark" } };
