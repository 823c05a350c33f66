import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent } from "storybook/test";
import { FormField } from "../form-field/form-field";
import { Input, TextField } from "./text-field";

const meta = {
  title: "Forms/TextField",
  component: TextField,
  args: { label: "Business name", name: "businessName", placeholder: "e.g. Bistro Lumière" },
} satisfies Meta<typeof TextField>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvas }) => {
    const input = canvas.getByLabelText("Business name");
    await userEvent.type(input, "Café Nord");
    await expect(input).toHaveValue("Café Nord");
  },
};
export const WithDescription: Story = {
  args: { description: "Shown on your public profile.", required: true },
  play: async ({ canvas }) => {
    const input = canvas.getByRole("textbox", { name: /Business name/ });
    await expect(input).toBeRequired();
    await expect(input).toHaveAccessibleDescription("Shown on your public profile.");
  },
};
export const WithError: Story = {
  args: { label: "Email", name: "email", type: "email", defaultValue: "hello@", error: "Enter a full email address, like name@example.com." },
  play: async ({ canvas }) => {
    const input = canvas.getByLabelText("Email");
    await expect(input).toHaveAttribute("aria-invalid", "true");
    await expect(input).toHaveAccessibleDescription("Enter a full email address, like name@example.com.");
  },
};
export const Password: Story = { args: { label: "Password", name: "password", type: "password", autoComplete: "current-password", placeholder: undefined } };
export const Disabled: Story = { args: { disabled: true, defaultValue: "Bistro Lumière" } };
export const LongText: Story = {
  args: {
    label: "A label that is rather long because some settings need a careful explanation of what they do",
    description: "And a description that wraps across lines so designers can see how the spacing holds up with real copy.",
    defaultValue: "A value that is much longer than the field is wide, so it scrolls inside the input",
  },
};
export const DarkTheme: Story = { args: { error: "This name is already taken." }, globals: { theme: "dark" } };
export const CustomControlInFormField: Story = {
  render: () => (
    <FormField label="Website" description="Optional">
      {(control) => <Input type="url" name="website" {...control} />}
    </FormField>
  ),
};
