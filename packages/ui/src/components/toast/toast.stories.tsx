import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, screen, userEvent } from "storybook/test";
import { Button } from "../button/button";
import { ToastProvider, useToast } from "./toast";

function Demo() {
  const { toast } = useToast();
  return (
    <Button onClick={() => toast({ title: "Post scheduled", description: "Thursday at 18:30", tone: "success", duration: Infinity })}>
      Schedule post
    </Button>
  );
}

const meta = {
  title: "Primitives/Toast",
  component: ToastProvider,
  parameters: { visual: { fullPage: true } },
  args: { children: <Demo /> },
} satisfies Meta<typeof ToastProvider>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Trigger: Story = {
  play: async ({ canvas }) => {
    await userEvent.click(canvas.getByRole("button", { name: "Schedule post" }));
    await expect(await screen.findByText("Post scheduled")).toBeVisible();
    await userEvent.click(screen.getByRole("button", { name: "Dismiss" }));
    await expect(screen.queryByText("Post scheduled")).not.toBeInTheDocument();
  },
};
export const Tones: Story = {
  args: {
    initialToasts: [
      { title: "Draft saved", duration: Infinity },
      { title: "Import finished", description: "1,240 rows imported, 3 skipped.", tone: "success", duration: Infinity },
      { title: "Couldn't reach Instagram", description: "We'll retry in 5 minutes.", tone: "danger", duration: Infinity },
    ],
  },
};
export const DarkTheme: Story = { ...Tones, globals: { theme: "dark" } };
