import type { Meta, StoryObj } from "@storybook/react-vite";
import { Button } from "../button/button";
import { PageHeader } from "./page-header";

const meta = {
  title: "Layout/PageHeader",
  component: PageHeader,
  args: { title: "Calendar", description: "Plan a calm week: fewer, better posts." },
} satisfies Meta<typeof PageHeader>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};
export const WithActions: Story = {
  args: {
    actions: (
      <>
        <Button variant="secondary">Import posts</Button>
        <Button>New draft</Button>
      </>
    ),
  },
};
export const LongText: Story = {
  args: {
    title: "Insights for Boutique Marguerite's spring collection launch across every platform",
    description: "A long description that wraps. Numbers below always show what they are divided by and how many posts they rest on.",
    actions: <Button>Export</Button>,
  },
};
export const DarkTheme: Story = { args: { actions: <Button>New draft</Button> }, globals: { theme: "dark" } };
