/**
 * @jest-environment jsdom
 */
// Regression: the ribbon's 校验 never ran on Windows and the Mac. office.js there dispatches a function command only
// after the function file has called Office.onReady (or set Office.initialize); commands.ts called neither. The fake
// office.js below behaves that way: a press is held until onReady, then dispatched to the associated action (or, on a
// host without Office.actions, to the global function of that name). Excel itself is the simulator.

import "./jsdom-text-encoder";
import { MARK_PREFIX } from "../../src/core/marks";
import { readRibbonMessage } from "../../src/commands/message-dialog";
import { createWorkbook, makeOfficeGlobals } from "../support/excel-sim";
import { traineeList } from "./helpers";

type Action = (event: unknown) => unknown;

/** office.js as the function file sees it on Windows and the Mac, driving a simulated workbook. */
function fakeOffice(options: { actions: boolean }) {
  const wb = createWorkbook({ sheets: [{ name: "汇总表", values: traineeList(60) }] });
  const sim = makeOfficeGlobals(wb);
  const associated = new Map<string, Action>();
  const held: Array<() => void> = [];
  let ready = false;
  const dialogs: string[] = [];
  const completed = jest.fn();
  const office = {
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    EventType: { DialogMessageReceived: "dialogMessageReceived", DialogEventReceived: "dialogEventReceived" },
    context: {
      ...sim.Office.context,
      ui: {
        displayDialogAsync: (url: string, _o: unknown, callback: (r: unknown) => void) => {
          dialogs.push(url);
          const dialog = {
            close: () => undefined,
            // The user closes the message at once.
            addEventHandler: (type: string, h: (a: unknown) => void) =>
              type === "dialogMessageReceived" && setTimeout(() => h({ message: "close" }), 0),
          };
          callback({ status: "succeeded", value: dialog });
        },
      },
    },
    onReady: (callback?: (info: unknown) => unknown) => {
      ready = true;
      for (const go of held.splice(0)) go();
      const info = { host: "Excel", platform: "PC" };
      callback?.(info);
      return Promise.resolve(info);
    },
    ...(options.actions
      ? { actions: { associate: (name: string, action: Action) => void associated.set(name, action) } }
      : {}),
  };
  /** The user presses the button whose FunctionName is `name`. */
  const press = (name: string) => {
    const go = () => {
      const action =
        associated.get(name) ?? ((globalThis as Record<string, unknown>)[name] as Action | undefined);
      if (!action) throw new Error(`office.js found no function ${name}`);
      void action({ completed, source: { id: "Yanxiu.Validate" } });
    };
    if (ready) go();
    else held.push(go);
  };
  return { wb, sim, office, press, dialogs, completed };
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 400 && !condition(); i++) await new Promise((r) => setTimeout(r, 5));
}

const g = globalThis as Record<string, unknown>;
const restore: Array<() => void> = [];
afterEach(() => {
  for (const r of restore.splice(0)) r();
  delete g.validateActiveSheet;
});

/** Loads commands.ts afresh, as commands.html does. */
async function loadFunctionFile(): Promise<void> {
  await jest.isolateModulesAsync(async () => {
    await import("../../src/commands/commands");
  });
}

function install(fake: ReturnType<typeof fakeOffice>) {
  const undo = fake.sim.install();
  g.Office = fake.office;
  restore.push(undo);
}

describe.each([
  ["with Office.actions", true],
  ["without Office.actions (older office.js)", false],
])("the ribbon's 校验 %s", (_label, actions) => {
  it("runs once office.js dispatches it: it checks, marks and tells the result", async () => {
    const fake = fakeOffice({ actions });
    install(fake);
    await loadFunctionFile();
    fake.press("validateActiveSheet");
    await until(() => fake.completed.mock.calls.length > 0);
    expect(fake.completed).toHaveBeenCalledTimes(1);
    expect(fake.dialogs).toHaveLength(1);
    expect(readRibbonMessage(new URL(fake.dialogs[0]!).search).text).toMatch(/^工作表“汇总表”（汇总表）：/);
    const notes = Object.values(fake.wb.sheet("汇总表").notes());
    expect(notes.length).toBeGreaterThan(0);
    expect(notes.every((n) => n.startsWith(MARK_PREFIX))).toBe(true);
  });
});

it("calls Office.onReady while the function file loads", async () => {
  const fake = fakeOffice({ actions: true });
  const onReady = jest.spyOn(fake.office, "onReady");
  install(fake);
  await loadFunctionFile();
  expect(onReady).toHaveBeenCalledTimes(1);
});
