// The floor of bench:pane (issue 15): the least a Fluent UI v9 task pane is, built by the project's own webpack
// configuration (`--env floor`): React, the theme and the few components every pane shows (a header, tabs, a
// button, a message bar, a spinner). taskpane.js is measured against what this weighs.
import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  Spinner,
  Tab,
  TabList,
  Text,
  webLightTheme,
} from "@fluentui/react-components";
import { useState } from "react";
import { createRoot } from "react-dom/client";

function FloorPane() {
  const [tab, setTab] = useState("check");
  const [busy, setBusy] = useState(false);
  return (
    <FluentProvider theme={webLightTheme}>
      <Text as="h1" weight="semibold">
        研修申报助手
      </Text>
      <TabList selectedValue={tab} onTabSelect={(_e, d) => setTab(String(d.value))}>
        <Tab value="check">校验</Tab>
        <Tab value="stats">统计</Tab>
        <Tab value="templates">表格</Tab>
      </TabList>
      <MessageBar intent="info">
        <MessageBarBody>{tab}</MessageBarBody>
      </MessageBar>
      <Button appearance="primary" onClick={() => setBusy(!busy)}>
        校验当前工作表
      </Button>
      {busy && <Spinner size="small" label="正在校验…" />}
    </FluentProvider>
  );
}

const container = document.getElementById("root");
if (container) createRoot(container).render(<FloorPane />);
