import type { Meta, StoryObj } from "@storybook/react-vite";
import { Button } from "../button/button";
import { EmptyState } from "./empty-state";

const meta = {
  title: "Primitives/EmptyState",
  component: EmptyState,
  args: {
    title: "No drafts yet",
    description: "Start with something you'd say to a regular at the counter. We'll help you shape it.",
    action: <Button>Write a draft</Button>,
  },
} satisfies Meta<typeof EmptyState>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};
export const WithIcon: Story = { args: { icon: "✎" } };
export const WithoutAction: Story = { args: { action: undefined } };
export const DarkTheme: Story = { globals: { theme: "dark" } };
