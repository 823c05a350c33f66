import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent } from "storybook/test";
import { Button } from "../button/button";
import { Card } from "../card/card";
import { PageHeader } from "../page-header/page-header";
import { AppShell } from "./app-shell";

const nav = [
  { label: "Overview", href: "#overview", current: true },
  { label: "Calendar", href: "#calendar" },
  { label: "Drafts", href: "#drafts" },
  { label: "Insights", href: "#insights" },
  { label: "Imports", href: "#imports" },
  { label: "Settings", href: "#settings" },
];

const meta = {
  title: "Layout/AppShell",
  component: AppShell,
  parameters: { layout: "fullscreen" },
  args: {
    brand: "Rapport",
    nav,
    headerActions: (
      <form onSubmit={(e) => e.preventDefault()}>
        <Button size="sm" variant="ghost" type="submit">
          Sign out
        </Button>
      </form>
    ),
    children: (
      <>
        <PageHeader title="Overview" description="How Bistro Lumière's audience engaged this month." />
        <Card title="Deep interactions">Comments, shares and saves, weighted above likes.</Card>
      </>
    ),
  },
} satisfies Meta<typeof AppShell>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByRole("navigation", { name: "Main" })).toBeInTheDocument();
    await expect(canvas.getByRole("link", { name: "Overview" })).toHaveAttribute("aria-current", "page");
    await expect(canvas.getByRole("main")).toBeInTheDocument();
    await userEvent.tab();
    await expect(canvas.getByRole("link", { name: "Skip to content" })).toHaveFocus();
  },
};
export const CustomLink: Story = {
  args: {
    renderLink: ({ children, ...props }) => (
      <a {...props} data-router-link="true">
        {children}
      </a>
    ),
  },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole("link", { name: "Calendar" })).toHaveAttribute("data-router-link", "true");
  },
};
export const Mobile: Story = { globals: { viewport: { value: "mobile1", isRotated: false } } };
export const DarkTheme: Story = { globals: { theme: "dark" } };
