import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect } from "storybook/test";
import { Button } from "../button/button";
import { ImportProgress } from "./import-progress";

const meta = {
  title: "Domain/ImportProgress",
  component: ImportProgress,
  args: { source: "instagram-export-2026-02.csv", status: "running", rowsTotal: 2000, rowsProcessed: 1240, rowsImported: 1198, rowsSkipped: 40, rowsFailed: 2 },
} satisfies Meta<typeof ImportProgress>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Running: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByRole("progressbar", { name: "Rows processed" })).toHaveAttribute("aria-valuetext", "1,240 of 2,000 rows");
  },
};
export const Queued: Story = { args: { status: "queued", rowsTotal: undefined, rowsProcessed: 0, rowsImported: 0, rowsSkipped: 0, rowsFailed: 0 } };
export const UnknownTotal: Story = { args: { rowsTotal: undefined } };
export const Done: Story = { args: { status: "done", rowsProcessed: 2000, rowsImported: 1955, rowsSkipped: 43, rowsFailed: 2 } };
export const Failed: Story = {
  args: { status: "failed", error: "Row 1,241 has no date column. Fix the file and import again; rows already imported are kept.", actions: <Button size="sm" variant="secondary">Upload a fixed file</Button> },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole("alert")).toHaveTextContent("The import stopped");
  },
};
export const DarkTheme: Story = { globals: { theme: "dark" } };
