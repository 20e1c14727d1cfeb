/**
 * @jest-environment jsdom
 */
// The pane's offer to clear marks without a record: it finds them on the active sheet, says how many and where, and
// clears them only when asked.

import "./jsdom-text-encoder";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { StrayMarksSection } from "../../src/taskpane/components/settings/StrayMarks";
import { PortContext } from "../../src/taskpane/PortContext";
import { createWorkbook } from "../support/excel-sim";
import { finding, listRows, portFor } from "./helpers";

afterEach(cleanup);

it("finds the marks another deployment left and clears them on request", async () => {
  const wb = createWorkbook({ sheets: [{ name: "名单", values: listRows(20) }] });
  wb.switchAddin("other");
  await portFor(wb).applyMarks("名单", [finding("名单", 3, 0), finding("名单", 7, 1, "warning")]);
  wb.switchAddin("this");
  render(
    <FluentProvider theme={webLightTheme}>
      <PortContext.Provider value={portFor(wb)}>
        <StrayMarksSection />
      </PortContext.Provider>
    </FluentProvider>,
  );
  fireEvent.click(screen.getByRole("button", { name: "查找当前工作表中无记录的标记" }));
  await screen.findByText(/工作表“名单”中有 2 个单元格带有本插件的标记颜色.*A4、B8/);
  expect(wb.sheet("名单").cell("A4").fill).not.toBeNull();
  fireEvent.click(screen.getByRole("button", { name: "按颜色清除这些标记" }));
  await screen.findByText(/已清除 2 个单元格的标记颜色/);
  expect(wb.sheet("名单").cell("A4").fill).toBeNull();
  expect(wb.sheet("名单").notes()).toEqual({});
});
