import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect } from "storybook/test";
import { ExplanationList } from "./explanation-list";

const items = [
  { id: "q", label: "Asks your audience a question", detail: "Posts with a question got 2.1x the comments (n = 14).", impact: 8 },
  { id: "len", label: "Caption is long for Instagram", detail: "Over 900 characters; your saves drop past ~400.", impact: -5 },
  { id: "face", label: "Shows a person", detail: "People-first photos are your most saved (n = 22).", impact: 6 },
  { id: "tags", label: "Hashtags", detail: "No measurable effect on your account.", impact: 0 },
];

const meta = {
  title: "Domain/ExplanationList",
  component: ExplanationList,
  args: { label: "Why this draft scores 72", items },
} satisfies Meta<typeof ExplanationList>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvas }) => {
    const list = canvas.getByRole("list", { name: "Why this draft scores 72" });
    const rows = canvas.getAllByRole("listitem");
    await expect(list).toBeInTheDocument();
    await expect(rows[0]).toHaveTextContent("adds 8 points");
  },
};
export const Empty: Story = { args: { items: [] } };
export const ManyItems: Story = {
  args: {
    items: Array.from({ length: 10 }, (_, i) => ({ id: String(i), label: `Factor ${i + 1}`, detail: "Detail text explaining the factor.", impact: (i % 2 ? -1 : 1) * (10 - i) })),
  },
};
export const DarkTheme: Story = { globals: { theme: "dark" } };
