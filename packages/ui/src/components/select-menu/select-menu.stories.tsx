import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, screen, userEvent, waitFor } from "storybook/test";
import { SelectMenu } from "./select-menu";

const meta = {
  title: "Forms/SelectMenu",
  component: SelectMenu,
  parameters: { visual: { fullPage: true } },
  args: {
    label: "Content type",
    onValueChange: fn(),
    options: [
      { value: "photo", label: "Photo" },
      { value: "reel", label: "Reel" },
      { value: "carousel", label: "Carousel" },
      { value: "story", label: "Story", disabled: true },
    ],
  },
  decorators: [(Story) => <div style={{ minHeight: 240 }}><Story /></div>],
} satisfies Meta<typeof SelectMenu>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvas, args }) => {
    const trigger = canvas.getByRole("combobox", { name: "Content type" });
    await userEvent.click(trigger);
    await userEvent.click(await screen.findByRole("option", { name: "Reel" }));
    await waitFor(() => expect(args.onValueChange).toHaveBeenCalledWith("reel"));
    await expect(trigger).toHaveTextContent("Reel");
  },
};
export const WithValue: Story = { args: { defaultValue: "carousel" } };
export const WithError: Story = { args: { error: "Pick a content type." } };
export const Disabled: Story = { args: { disabled: true, defaultValue: "photo" } };
export const DarkTheme: Story = { args: { defaultValue: "reel" }, globals: { theme: "dark" } };
