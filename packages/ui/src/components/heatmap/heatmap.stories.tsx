import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect } from "storybook/test";
import { Heatmap } from "./heatmap";
import type { HeatmapCell } from "./heatmap";

const days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const blocks = ["06–09", "09–12", "12–15", "15–18", "18–21", "21–24"];

// Deterministic sample data: evenings and weekend lunches do best; a few sparse cells.
function sample(): HeatmapCell[][] {
  return days.map((_, d) =>
    blocks.map((_, b) => {
      const base = [1.2, 1.8, 2.6, 2.1, 4.4, 3.0][b] ?? 1;
      const weekend = d >= 5 && b === 2 ? 2.2 : 0;
      const n = (d * 7 + b * 3) % 11;
      return { value: n === 0 ? null : Math.round((base + weekend + ((d + b) % 3) * 0.3) * 10) / 10, n };
    }),
  );
}

const meta = {
  title: "Domain/Heatmap",
  component: Heatmap,
  args: {
    caption: "Deep interactions per 100 people reached, by posting time (last 90 days)",
    rowLabels: days,
    columnLabels: blocks,
    cells: sample(),
  },
} satisfies Meta<typeof Heatmap>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvas }) => {
    const table = canvas.getByRole("table", { name: /Deep interactions per 100 people reached/ });
    await expect(table).toBeInTheDocument();
    await expect(canvas.getAllByRole("rowheader")).toHaveLength(7);
    await expect(canvas.getAllByText(/Not enough posts, n = \d/).length).toBeGreaterThan(0);
  },
};
export const Empty: Story = { args: { cells: days.map(() => blocks.map(() => ({ value: null, n: 0 }))) } };
export const AllEnough: Story = {
  args: { cells: days.map((_, d) => blocks.map((_, b) => ({ value: (d + 1) * (b + 1) * 0.25, n: 12 }))) },
};
export const DarkTheme: Story = { globals: { theme: "dark" } };
