import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent } from "storybook/test";
import { Textarea } from "./textarea";

const meta = {
  title: "Forms/Textarea",
  component: Textarea,
  args: { label: "Caption", name: "caption", placeholder: "What would you tell a regular?" },
} satisfies Meta<typeof Textarea>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};
export const WithCount: Story = {
  args: { showCount: true, maxLength: 280 },
  play: async ({ canvas }) => {
    await userEvent.type(canvas.getByLabelText("Caption"), "Fresh bread at 8");
    await expect(canvas.getByText("16 / 280 characters")).toBeInTheDocument();
  },
};
export const WithError: Story = {
  args: { error: "Write at least one sentence.", required: true },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole("textbox")).toHaveAttribute("aria-invalid", "true");
  },
};
export const LongText: Story = {
  args: {
    defaultValue:
      "Our sourdough starter turned five this week. It has outlived two ovens, one renovation and a very confused health inspector. Come by on Saturday for a slice and the story of how it nearly ended up in the bin in 2021.",
    rows: 3,
  },
};
export const DarkTheme: Story = { args: { description: "Plain words work best." }, globals: { theme: "dark" } };
