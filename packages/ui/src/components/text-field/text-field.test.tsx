// Fast jsdom checks of the id wiring the app's forms rely on (stories cover the rest in Chromium).
import { act } from "react";
import { createRoot } from "react-dom/client";
import { renderToString } from "react-dom/server";
import { afterEach, describe, expect, it } from "vitest";
import { Checkbox } from "../checkbox/checkbox";
import { Select } from "../select/select";
import { TextField } from "./text-field";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let container: HTMLDivElement;
afterEach(() => container?.remove());

function render(node: React.ReactNode) {
  container = document.createElement("div");
  document.body.appendChild(container);
  act(() => createRoot(container).render(node));
  return container;
}

describe("TextField", () => {
  it("links label, description and error to the input", () => {
    const root = render(<TextField label="Email" name="email" description="We never share it." error="Enter a full email address." required />);
    const input = root.querySelector("input") as HTMLInputElement;
    const label = root.querySelector("label") as HTMLLabelElement;
    expect(label.htmlFor).toBe(input.id);
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(input.required).toBe(true);
    const described = (input.getAttribute("aria-describedby") ?? "").split(" ").map((id) => document.getElementById(id)?.textContent);
    expect(described).toEqual(["We never share it.", "Enter a full email address."]);
  });

  it("has no aria-invalid or describedby when there is nothing to describe", () => {
    const input = render(<TextField label="Name" name="name" />).querySelector("input") as HTMLInputElement;
    expect(input.hasAttribute("aria-invalid")).toBe(false);
    expect(input.hasAttribute("aria-describedby")).toBe(false);
    expect(input.type).toBe("text");
  });

  it("renders the same ids on the server and the client (useId)", () => {
    const html = renderToString(<TextField label="Name" name="name" error="Required" />);
    expect(html).toMatch(/<label for="([^"]+)"/);
    const id = /<label for="([^"]+)"/.exec(html)?.[1];
    expect(html).toContain(`aria-describedby="${id}-error"`);
  });

  it("forwards native props for forms that post without JavaScript", () => {
    const input = render(<TextField label="Password" name="password" type="password" autoComplete="current-password" defaultValue="x" />).querySelector("input") as HTMLInputElement;
    expect(input.name).toBe("password");
    expect(input.type).toBe("password");
    expect(input.autocomplete).toBe("current-password");
    expect(input.value).toBe("x");
  });
});

describe("native form controls", () => {
  it("Select renders a named native select with a placeholder option", () => {
    const select = render(<Select label="Platform" name="platform" placeholder="Choose" options={[{ value: "x", label: "X" }]} />).querySelector("select") as HTMLSelectElement;
    expect(select.name).toBe("platform");
    expect([...select.options].map((o) => o.value)).toEqual(["", "x"]);
  });

  it("Checkbox is a native checkbox with its label", () => {
    const root = render(<Checkbox label="Remind me" name="remind" defaultChecked />);
    const box = root.querySelector("input") as HTMLInputElement;
    expect(box.type).toBe("checkbox");
    expect(box.checked).toBe(true);
    expect((root.querySelector("label") as HTMLLabelElement).htmlFor).toBe(box.id);
  });
});
