import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect } from "storybook/test";
import { Button } from "../button/button";
import { Alert, Banner } from "./alert";

const meta = {
  title: "Primitives/Alert",
  component: Alert,
  args: { tone: "danger", title: "We couldn't save your draft", children: "Check the two fields marked below, then try again." },
  argTypes: { tone: { control: "inline-radio", options: ["info", "success", "warning", "danger"] } },
} satisfies Meta<typeof Alert>;
export default meta;
type Story = StoryObj<typeof meta>;

export const FormError: Story = {
  play: async ({ canvas }) => {
    await expect(canvas.getByRole("alert")).toHaveTextContent("We couldn't save your draft");
  },
};
export const Info: Story = { args: { tone: "info", title: "Imports run in the background", children: "You can leave this page." } };
export const Success: Story = {
  args: { tone: "success", title: "Post scheduled", children: "It goes out Thursday at 18:30." },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole("status")).toBeInTheDocument();
  },
};
export const Warning: Story = { args: { tone: "warning", title: "Only 4 posts analysed", children: "Treat these numbers as tentative." } };
export const WithAction: Story = { args: { action: <Button size="sm" variant="secondary">Retry</Button> } };
export const AsBanner: Story = { render: (args) => <Banner {...args} tone="info" title="Your trial ends in 3 days." /> };
export const AllTones: Story = {
  render: () => (
    <div style={{ display: "grid", gap: 12 }}>
      <Alert tone="info" title="Info" />
      <Alert tone="success" title="Success" />
      <Alert tone="warning" title="Warning" />
      <Alert tone="danger" title="Danger" />
    </div>
  ),
};
export const DarkTheme: Story = { ...AllTones, globals: { theme: "dark" } };
