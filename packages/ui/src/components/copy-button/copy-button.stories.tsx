import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent } from "storybook/test";
import { CopyButton } from "./copy-button";

const meta = {
  title: "Primitives/CopyButton",
  component: CopyButton,
  tags: ["autodocs"],
  args: { text: "Sardines tonight, on the terrace. #bistro", label: "Copy caption" },
} satisfies Meta<typeof CopyButton>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};

export const CopiesAndSaysSo: Story = {
  play: async ({ canvas, args }) => {
    const written: string[] = [];
    Object.defineProperty(navigator, "clipboard", {
      value: { writeText: async (t: string) => void written.push(t) },
      configurable: true,
    });
    await userEvent.click(canvas.getByRole("button", { name: "Copy caption" }));
    await expect(await canvas.findByRole("button", { name: "Copied" })).toBeInTheDocument();
    await expect(written).toEqual([args.text]);
    await expect(canvas.getByRole("status")).toHaveTextContent("Copied to the clipboard.");
  },
};
