// Storybook's UI (the manager). Its built-in zoom tool opens a popover without an accessible label,
// which logs "The 'ariaLabel' prop on 'PopoverProvider' will become mandatory" on every story in
// Storybook 10.6; the canvas is zoomed with the browser instead until Storybook labels it itself.
import { addons } from "storybook/manager-api";

addons.setConfig({ toolbar: { zoom: { hidden: true } } });
