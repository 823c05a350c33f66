import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, waitFor } from "storybook/test";
import { RadioGroup } from "./radio-group";

const meta = {
  title: "Forms/RadioGroup",
  component: RadioGroup,
  args: {
    label: "Posting rhythm",
    name: "rhythm",
    onValueChange: fn(),
    options: [
      { value: "calm", label: "Calm", description: "2 posts a week" },
      { value: "steady", label: "Steady", description: "4 posts a week" },
      { value: "busy", label: "Busy", description: "Daily", disabled: true },
    ],
  },
} satisfies Meta<typeof RadioGroup>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvas, args }) => {
    await userEvent.click(canvas.getByRole("radio", { name: "Calm" }));
    await expect(canvas.getByRole("radio", { name: "Calm" })).toBeChecked();
    // Arrow keys move focus between options (roving tabindex); the disabled option is skipped.
    await userEvent.keyboard("{ArrowDown}");
    await waitFor(() => expect(canvas.getByRole("radio", { name: "Steady" })).toHaveFocus());
    await userEvent.click(canvas.getByText("Steady"));
    await expect(args.onValueChange).toHaveBeenLastCalledWith("steady");
  },
};
export const Horizontal: Story = { args: { orientation: "horizontal", defaultValue: "calm" } };
export const WithError: Story = { args: { error: "Choose a rhythm to continue." } };
export const DarkTheme: Story = { args: { defaultValue: "steady" }, globals: { theme: "dark" } };
