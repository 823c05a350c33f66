import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect } from "storybook/test";
import { LiftBar, LiftBarGroup } from "./lift-bar";

const meta = {
  title: "Domain/LiftBar",
  component: LiftBar,
  args: { label: "Shows a person", lift: 18, low: 4, high: 32, n: 24, state: "normal" },
  argTypes: { state: { control: "inline-radio", options: ["normal", "tentative", "not-enough"] } },
} satisfies Meta<typeof LiftBar>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Normal: Story = {
  play: async ({ canvasElement }) => {
    await expect(canvasElement).toHaveTextContent("+18%");
    await expect(canvasElement).toHaveTextContent("+4% to +32% · n = 24 posts");
  },
};
export const Negative: Story = { args: { label: "Caption over 400 characters", lift: -12, low: -22, high: -3, n: 31 } };
export const Tentative: Story = {
  args: { label: "Posted after 21:00", lift: 9, low: -6, high: 25, n: 8, state: "tentative" },
  play: async ({ canvas }) => {
    await expect(canvas.getByText("Tentative")).toBeInTheDocument();
  },
};
export const NotEnoughData: Story = {
  args: { label: "Carousel posts", lift: 0, low: 0, high: 0, n: 3, state: "not-enough" },
  play: async ({ canvas }) => {
    await expect(canvas.getByText("Not enough posts")).toBeInTheDocument();
    await expect(canvas.queryByText(/%/)).not.toBeInTheDocument();
  },
};
export const Group: Story = {
  render: () => (
    <LiftBarGroup
      title="What lifts deep interactions"
      description="Change in comments, shares and saves per 100 people reached, vs your typical post. Bars show the estimate; lines the 90% interval."
      items={[
        { id: "person", label: "Shows a person", lift: 18, low: 4, high: 32, n: 24, state: "normal" },
        { id: "question", label: "Asks a question", lift: 27, low: 12, high: 44, n: 14, state: "normal" },
        { id: "late", label: "Posted after 21:00", lift: 9, low: -6, high: 25, n: 8, state: "tentative" },
        { id: "long", label: "Caption over 400 characters", lift: -12, low: -22, high: -3, n: 31, state: "normal" },
        { id: "carousel", label: "Carousel posts", lift: 0, low: 0, high: 0, n: 3, state: "not-enough" },
      ]}
    />
  ),
};
export const OutOfScale: Story = { args: { label: "Giveaway posts", lift: 140, low: 60, high: 220, n: 5, state: "tentative" } };
export const DarkTheme: Story = { ...Group, globals: { theme: "dark" } };
