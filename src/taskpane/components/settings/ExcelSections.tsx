// The sections only Excel has: 无记录的标记 (marks by colour) and 自检. Both drive the Office adapter, so TaskPane loads
// them as a chunk of their own in Excel mode only, and the file mode's page never takes in the adapter.

import { SelfTestSection, wantsSelfTest } from "./SelfTest";
import { StrayMarksSection } from "./StrayMarks";

export function ExcelSections(props: { selfTest?: boolean }) {
  return (
    <>
      <StrayMarksSection />
      <SelfTestSection autoStart={props.selfTest ?? wantsSelfTest(globalThis.location?.search ?? "")} />
    </>
  );
}
