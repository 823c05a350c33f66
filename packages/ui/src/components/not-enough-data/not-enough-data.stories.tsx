import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect } from "storybook/test";
import { Button } from "../button/button";
import { NotEnoughData } from "./not-enough-data";

const meta = {
  title: "Domain/NotEnoughData",
  component: NotEnoughData,
  args: { needed: 10, current: 4 },
} satisfies Meta<typeof NotEnoughData>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByRole("heading", { name: "Not enough posts yet" })).toBeInTheDocument();
    await expect(canvas.getByRole("progressbar")).toHaveAttribute("aria-valuetext", "4 of 10 posts");
  },
};
export const NoneYet: Story = { args: { current: 0 } };
export const WithAction: Story = { args: { action: <Button variant="secondary">Import past posts</Button> } };
export const OtherUnit: Story = { args: { unit: "weeks", needed: 4, current: 1 } };
export const DarkTheme: Story = { globals: { theme: "dark" } };
