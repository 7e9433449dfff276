import { useMemo, useState } from 'react';
import { App, Button, Form, Input, Space, Table, Tag, TreeSelect } from 'antd';
import type { AdminOrgUnit } from '@dandang/contracts';
import { api } from '../../api/client';
import { useAdminText } from './admin-text';
import { ChangeDialog, unitTree } from './admin-forms';

type Dialog = { kind: 'create'; parentId: string | null } | { kind: 'rename' | 'move' | 'retire'; unit: AdminOrgUnit } | null;
type Row = AdminOrgUnit & { children?: Row[] };

/** 单位管理: the tree with its actions; retired units stay, greyed, with their history. */
export function OrgUnitsTab({ units, reload }: { units: AdminOrgUnit[]; reload(): void }) {
  const text = useAdminText();
  const { message } = App.useApp();
  const [dialog, setDialog] = useState<Dialog>(null);
  const rows = useMemo(() => {
    const byId = new Map<string, Row>(units.map((u) => [u.id, { ...u }]));
    const roots: Row[] = [];
    for (const u of units) {
      const parent = u.parentId ? byId.get(u.parentId) : undefined;
      if (parent) (parent.children ??= []).push(byId.get(u.id)!);
      else roots.push(byId.get(u.id)!);
    }
    return roots;
  }, [units]);
  const done = () => {
    void message.success(text('saved'));
    reload();
  };
  const post = (path: string, body: object) => api(path, { method: 'POST', body }).then(done);
  const close = () => setDialog(null);
  const unit = dialog && 'unit' in dialog ? dialog.unit : null;

  return (
    <>
      <Button type="primary" onClick={() => setDialog({ kind: 'create', parentId: null })} style={{ marginBottom: 16 }}>
        {text('newUnit')}
      </Button>
      <Table<Row>
        rowKey="id"
        size="small"
        dataSource={rows}
        pagination={false}
        expandable={{ defaultExpandAllRows: true }}
        data-testid="org-units"
        columns={[
          { title: text('name'), dataIndex: 'name' },
          { title: text('code'), dataIndex: 'code' },
          { title: text('activeUsers'), dataIndex: 'activeUsers', width: 110 },
          { title: text('status'), render: (_, u) => (u.retiredAt ? <Tag>{text('retired')}</Tag> : <Tag color="green">{text('inService')}</Tag>) },
          {
            title: text('actions'),
            render: (_, u) =>
              u.retiredAt ? null : (
                <Space size="small" wrap>
                  <Button size="small" onClick={() => setDialog({ kind: 'create', parentId: u.id })}>{text('newChildUnit')}</Button>
                  <Button size="small" onClick={() => setDialog({ kind: 'rename', unit: u })}>{text('rename')}</Button>
                  <Button size="small" onClick={() => setDialog({ kind: 'move', unit: u })}>{text('move')}</Button>
                  <Button size="small" danger onClick={() => setDialog({ kind: 'retire', unit: u })}>{text('retire')}</Button>
                </Space>
              ),
          },
        ]}
      />
      <ChangeDialog<{ code: string; name: string; parentId: string | null; regionCode?: string }>
        title={text('newUnit')}
        testId="create-unit"
        open={dialog?.kind === 'create'}
        onClose={close}
        fields={['code', 'name', 'parentId', 'regionCode']}
        initial={{ parentId: dialog?.kind === 'create' ? dialog.parentId : null }}
        submit={(v) => post('/admin/org-units', { ...v, parentId: v.parentId ?? null, regionCode: v.regionCode || undefined })}
      >
        <Form.Item name="code" label={text('code')} rules={[{ required: true, message: text('required') }]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="name" label={text('name')} rules={[{ required: true, whitespace: true, message: text('required') }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="parentId" label={text('parent')}>
          <TreeSelect allowClear placeholder={text('topUnit')} treeData={unitTree(units)} treeDefaultExpandAll />
        </Form.Item>
        <Form.Item name="regionCode" label={text('regionCode')} rules={[{ pattern: /^\d{6}$/, message: text('regionCode') }]}>
          <Input maxLength={6} />
        </Form.Item>
      </ChangeDialog>
      <ChangeDialog<{ name: string }>
        title={`${text('rename')} · ${unit?.name ?? ''}`}
        testId="rename-unit"
        open={dialog?.kind === 'rename'}
        onClose={close}
        fields={['name']}
        initial={{ name: unit?.name }}
        submit={(v) => post(`/admin/org-units/${unit!.id}/rename`, v)}
      >
        <Form.Item name="name" label={text('name')} rules={[{ required: true, whitespace: true, message: text('required') }]}>
          <Input maxLength={200} />
        </Form.Item>
      </ChangeDialog>
      <ChangeDialog<{ parentId?: string }>
        title={`${text('move')} · ${unit?.name ?? ''}`}
        testId="move-unit"
        open={dialog?.kind === 'move'}
        onClose={close}
        fields={['parentId']}
        initial={{ parentId: unit?.parentId ?? undefined }}
        submit={(v) => post(`/admin/org-units/${unit!.id}/move`, { parentId: v.parentId ?? null, reason: v.reason })}
      >
        <Form.Item name="parentId" label={text('parent')}>
          {/* Never under itself or its own descendants: those are not offered. */}
          <TreeSelect allowClear placeholder={text('topUnit')} treeData={unitTree(units, (u) => Boolean(u.retiredAt) || Boolean(unit && u.path.startsWith(unit.path)))} treeDefaultExpandAll />
        </Form.Item>
      </ChangeDialog>
      <ChangeDialog<object>
        title={`${text('retire')} · ${unit?.name ?? ''}`}
        testId="retire-unit"
        open={dialog?.kind === 'retire'}
        onClose={close}
        fields={[]}
        submit={(v) => post(`/admin/org-units/${unit!.id}/retire`, v)}
      />
    </>
  );
}
