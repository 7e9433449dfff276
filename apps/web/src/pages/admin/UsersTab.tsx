import { useCallback, useEffect, useState } from 'react';
import { App, Button, Form, Input, Select, Space, Table, Tag, TreeSelect } from 'antd';
import { ROLES, ROLE_LABELS, type AdminOrgUnit, type AdminUser, type AdminUserPage, type IssuedPassword, type Role } from '@dandang/contracts';
import { api, query } from '../../api/client';
import { useLocale } from '../../i18n/locale';
import { useAdminText } from './admin-text';
import { ChangeDialog, OneTimePasswordDialog, unitTree } from './admin-forms';

type Dialog = { kind: 'create' } | { kind: 'roles' | 'unit' | 'deactivate' | 'reactivate' | 'reset'; user: AdminUser } | null;
interface Filters {
  q?: string;
  orgUnitId?: string;
  role?: Role;
  active?: 'true' | 'false';
}

/** 用户管理: accounts filtered by name, unit, role and status, with their actions. */
export function UsersTab({ units, reload: reloadUnits }: { units: AdminOrgUnit[]; reload(): void }) {
  const text = useAdminText();
  const { l } = useLocale();
  const { message } = App.useApp();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const [data, setData] = useState<AdminUserPage | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [issued, setIssued] = useState<{ username: string; password: string } | null>(null);
  const load = useCallback(() => {
    void api<AdminUserPage>(`/admin/users${query({ ...filters, page, pageSize: 20 })}`).then(setData);
  }, [filters, page]);
  useEffect(load, [load]);
  const unitName = (id: string) => units.find((u) => u.id === id)?.name ?? id;
  const changed = () => {
    void message.success(text('saved'));
    load();
    reloadUnits();
  };
  const post = (path: string, body: object) => api(path, { method: 'POST', body }).then(changed);
  const issue = async (path: string, body: object) => {
    const answer = await api<IssuedPassword>(path, { method: 'POST', body });
    setIssued({ username: answer.user.username, password: answer.oneTimePassword });
    changed();
  };
  const user = dialog && 'user' in dialog ? dialog.user : null;
  const close = () => setDialog(null);
  const roleOptions = ROLES.map((r) => ({ value: r, label: `${l(ROLE_LABELS[r])} ${r}` }));

  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search allowClear placeholder={text('search')} onSearch={(q) => (setPage(1), setFilters({ ...filters, q: q || undefined }))} style={{ width: 220 }} data-testid="user-search" />
        <TreeSelect allowClear placeholder={text('allUnits')} treeData={unitTree(units, () => false)} treeDefaultExpandAll style={{ width: 240 }}
          onChange={(orgUnitId?: string) => (setPage(1), setFilters({ ...filters, orgUnitId }))} />
        <Select allowClear placeholder={text('allRoles')} options={roleOptions} style={{ width: 200 }} onChange={(role?: Role) => (setPage(1), setFilters({ ...filters, role }))} />
        <Select allowClear placeholder={text('allStatuses')} style={{ width: 140 }} onChange={(active?: 'true' | 'false') => (setPage(1), setFilters({ ...filters, active }))}
          options={[{ value: 'true', label: text('active') }, { value: 'false', label: text('inactive') }]} />
        <Button type="primary" onClick={() => setDialog({ kind: 'create' })}>{text('newUser')}</Button>
      </Space>
      <Table<AdminUser>
        rowKey="id"
        size="small"
        data-testid="users"
        dataSource={data?.items ?? []}
        loading={!data}
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: text('username'), dataIndex: 'username' },
          { title: text('displayName'), dataIndex: 'displayName' },
          { title: text('roles'), render: (_, u) => u.roles.map((r) => <Tag key={r} color="blue">{l(ROLE_LABELS[r])}</Tag>) },
          { title: text('unit'), render: (_, u) => unitName(u.orgUnitId) },
          {
            title: text('status'),
            render: (_, u) => (
              <>
                {u.active ? <Tag color="green">{text('active')}</Tag> : <Tag>{text('inactive')}</Tag>}
                {u.mustChangePassword && <Tag color="orange">{text('mustChange')}</Tag>}
              </>
            ),
          },
          {
            title: text('actions'),
            render: (_, u) => (
              <Space size="small" wrap>
                <Button size="small" onClick={() => setDialog({ kind: 'roles', user: u })}>{text('changeRoles')}</Button>
                <Button size="small" onClick={() => setDialog({ kind: 'unit', user: u })}>{text('changeUnit')}</Button>
                <Button size="small" onClick={() => setDialog({ kind: 'reset', user: u })}>{text('resetPassword')}</Button>
                {u.active ? (
                  <Button size="small" danger onClick={() => setDialog({ kind: 'deactivate', user: u })}>{text('deactivate')}</Button>
                ) : (
                  <Button size="small" onClick={() => setDialog({ kind: 'reactivate', user: u })}>{text('reactivate')}</Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <ChangeDialog<{ username: string; displayName: string; roles: Role[]; orgUnitId: string }>
        title={text('newUser')}
        testId="create-user"
        open={dialog?.kind === 'create'}
        onClose={close}
        fields={['username', 'displayName', 'roles', 'orgUnitId']}
        submit={(v) => issue('/admin/users', v)}
      >
        <Form.Item name="username" label={text('username')} extra={text('usernameRule')}
          rules={[{ required: true, message: text('required') }, { pattern: /^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/, message: text('usernameRule') }]}>
          <Input autoComplete="off" maxLength={64} />
        </Form.Item>
        <Form.Item name="displayName" label={text('displayName')} rules={[{ required: true, whitespace: true, message: text('required') }]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="roles" label={text('roles')} extra={text('rolesRule')} rules={[{ required: true, message: text('required') }]}>
          <Select mode="multiple" options={roleOptions} data-testid="user-roles" />
        </Form.Item>
        <Form.Item name="orgUnitId" label={text('unit')} rules={[{ required: true, message: text('required') }]}>
          <TreeSelect treeData={unitTree(units)} treeDefaultExpandAll data-testid="user-unit" />
        </Form.Item>
      </ChangeDialog>
      <ChangeDialog<{ roles: Role[] }>
        title={`${text('changeRoles')} · ${user?.username ?? ''}`}
        testId="change-roles"
        open={dialog?.kind === 'roles'}
        onClose={close}
        fields={['roles']}
        initial={{ roles: user?.roles }}
        submit={(v) => post(`/admin/users/${user!.id}/roles`, v)}
      >
        <Form.Item name="roles" label={text('roles')} extra={text('rolesRule')} rules={[{ required: true, message: text('required') }]}>
          <Select mode="multiple" options={roleOptions} />
        </Form.Item>
      </ChangeDialog>
      <ChangeDialog<{ orgUnitId: string }>
        title={`${text('changeUnit')} · ${user?.username ?? ''}`}
        testId="change-unit"
        open={dialog?.kind === 'unit'}
        onClose={close}
        fields={['orgUnitId']}
        initial={{ orgUnitId: user?.orgUnitId }}
        submit={(v) => post(`/admin/users/${user!.id}/unit`, v)}
      >
        <Form.Item name="orgUnitId" label={text('unit')} rules={[{ required: true, message: text('required') }]}>
          <TreeSelect treeData={unitTree(units)} treeDefaultExpandAll />
        </Form.Item>
      </ChangeDialog>
      {(['deactivate', 'reactivate', 'reset'] as const).map((kind) => (
        <ChangeDialog<object>
          key={kind}
          title={`${text(kind === 'reset' ? 'resetPassword' : kind)} · ${user?.username ?? ''}`}
          testId={`${kind}-user`}
          open={dialog?.kind === kind}
          onClose={close}
          fields={[]}
          submit={(v) => (kind === 'reset' ? issue(`/admin/users/${user!.id}/reset-password`, v) : post(`/admin/users/${user!.id}/${kind}`, v))}
        />
      ))}
      <OneTimePasswordDialog issued={issued} onClose={() => setIssued(null)} />
    </>
  );
}
