import type { Label } from '@dandang/contracts';
import { useLocale } from '../../i18n/locale';

/** The administration area's own words (kept here, beside its pages, rather than in the app-wide messages). */
const TEXT = {
  units: { zh: '单位', en: 'Units' },
  users: { zh: '用户', en: 'Users' },
  import: { zh: '批量导入', en: 'Import' },
  newUnit: { zh: '新建单位', en: 'New unit' },
  newChildUnit: { zh: '新建下级', en: 'New sub-unit' },
  newUser: { zh: '新建用户', en: 'New user' },
  code: { zh: '单位编码', en: 'Code' },
  name: { zh: '单位名称', en: 'Name' },
  parent: { zh: '上级单位', en: 'Parent unit' },
  topUnit: { zh: '（顶级单位）', en: '(top unit)' },
  regionCode: { zh: '行政区划代码', en: 'Region code' },
  activeUsers: { zh: '在用账号', en: 'Active users' },
  status: { zh: '状态', en: 'Status' },
  inService: { zh: '在用', en: 'In service' },
  retired: { zh: '已撤销', en: 'Retired' },
  actions: { zh: '操作', en: 'Actions' },
  rename: { zh: '更名', en: 'Rename' },
  move: { zh: '调整隶属', en: 'Move' },
  retire: { zh: '撤销', en: 'Retire' },
  reason: { zh: '原因（记入安全审计）', en: 'Reason (goes to the security-event log)' },
  reasonRequired: { zh: '请填写原因', en: 'Give a reason' },
  required: { zh: '必填', en: 'Required' },
  submit: { zh: '提交', en: 'Submit' },
  username: { zh: '用户名', en: 'Username' },
  usernameRule: { zh: '字母、数字、.、_、-，2–64 位', en: 'Letters, digits, ".", "_", "-"; 2–64 characters' },
  displayName: { zh: '姓名', en: 'Name' },
  roles: { zh: '角色', en: 'Roles' },
  rolesRule: { zh: '系统管理员不兼任其他角色；审计人员不兼任办案角色（三员分立）', en: 'An administrator holds no other role; an auditor handles no case (separation of duties)' },
  unit: { zh: '所在单位', en: 'Unit' },
  search: { zh: '用户名或姓名', en: 'Username or name' },
  allRoles: { zh: '全部角色', en: 'All roles' },
  allStatuses: { zh: '全部状态', en: 'All statuses' },
  allUnits: { zh: '全部单位', en: 'All units' },
  active: { zh: '启用', en: 'Active' },
  inactive: { zh: '已停用', en: 'Deactivated' },
  mustChange: { zh: '待改密码', en: 'Must change password' },
  changeRoles: { zh: '变更角色', en: 'Change roles' },
  changeUnit: { zh: '调整单位', en: 'Change unit' },
  deactivate: { zh: '停用', en: 'Deactivate' },
  reactivate: { zh: '启用', en: 'Reactivate' },
  resetPassword: { zh: '重置密码', en: 'Reset password' },
  oneTimePassword: { zh: '一次性密码', en: 'One-time password' },
  oneTimePasswordHint: {
    zh: '仅显示这一次，请当面或以安全方式交给 {name}；首次登录时须修改。',
    en: 'Shown this once: hand it to {name} in person or by a safe channel; it must be changed at the first sign-in.',
  },
  done: { zh: '完成', en: 'Done' },
  saved: { zh: '已保存', en: 'Saved' },
  template: { zh: '下载模板', en: 'Download the template' },
  templateCsv: { zh: 'CSV 模板（{sheet}）', en: 'CSV template ({sheet})' },
  chooseFiles: { zh: '选择文件（XLSX，或单位/用户 CSV）', en: 'Choose files (XLSX, or units/users CSV)' },
  importNow: { zh: '导入', en: 'Import' },
  importRefused: { zh: '未导入任何数据：请修改以下问题后重新上传', en: 'Nothing was imported: fix these problems and upload again' },
  imported: { zh: '已导入 {units} 个单位、{users} 个用户', en: 'Imported {units} units and {users} users' },
  importHint: {
    zh: '全部校验通过才导入（全有或全无）。列说明见模板中的“说明”页。',
    en: 'Imported only when every row passes (all or nothing). The template’s notes sheet describes the columns.',
  },
  where: { zh: '位置', en: 'Where' },
  problem: { zh: '问题', en: 'Problem' },
} satisfies Record<string, Label>;

export type AdminTextKey = keyof typeof TEXT;

export function useAdminText(): (key: AdminTextKey, vars?: Record<string, string>) => string {
  const { lang } = useLocale();
  return (key, vars) => TEXT[key][lang].replace(/\{(\w+)\}/g, (_, name: string) => vars?.[name] ?? '');
}
