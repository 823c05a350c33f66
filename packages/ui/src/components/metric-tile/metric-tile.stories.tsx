import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect } from "storybook/test";
import { MetricTile } from "./metric-tile";

const meta = {
  title: "Domain/MetricTile",
  component: MetricTile,
  args: { label: "Deep-interaction rate", value: "4.2%", denominator: "of people reached", n: 38, hint: "Comments, shares and saves count 3x a like." },
} satisfies Meta<typeof MetricTile>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvas }) => {
    const tile = canvas.getByRole("group", { name: "Deep-interaction rate" });
    await expect(tile).toHaveTextContent("of people reached");
    await expect(tile).toHaveTextContent("n = 38 posts");
  },
};
export const NotEnoughData: Story = {
  args: { n: 3, minN: 10 },
  play: async ({ canvas }) => {
    await expect(canvas.getByText("Not enough data")).toBeInTheDocument();
    await expect(canvas.queryByText("4.2%")).not.toBeInTheDocument();
  },
};
export const Loading: Story = { args: { loading: true } };
export const LargeN: Story = { args: { label: "Saves per post", value: "12.8", denominator: "per post", n: 12480, nUnit: "posts" } };
export const LongText: Story = {
  args: { label: "Replies you wrote that got a response from the original commenter within a day", denominator: "of replies you wrote in the last 90 days", value: "61%", n: 214, nUnit: "replies" },
};
export const Row: Story = {
  render: () => (
    <div style={{ display: "grid", gridTemplateColumns: "repeat(3, 1fr)", gap: 12 }}>
      <MetricTile label="Saves" value="2.1%" denominator="of reach" n={38} />
      <MetricTile label="Shares" value="0.8%" denominator="of reach" n={38} />
      <MetricTile label="Comments" value="1.3%" denominator="of reach" n={4} minN={10} />
    </div>
  ),
};
export const DarkTheme: Story = { ...Row, globals: { theme: "dark" } };
