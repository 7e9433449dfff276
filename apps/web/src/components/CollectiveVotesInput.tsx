import { Button, Form, Input, Select, Space } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { VOTE_CHOICES, enumValues } from '@dandang/contracts';
import { useLocale } from '../i18n/locale';
import { UserPicker } from './DirectoryPickers';

const CHOICES = enumValues(VOTE_CHOICES);

/**
 * The `collectiveVotes` field: each member present, their vote, and their opinion (the dissent, which the server
 * requires with AGAINST). A server's refusal of one vote (`votes[0].opinion`) shows beside that field of its row.
 */
export function CollectiveVotesInput({ name, label, required }: { name: string; label: string; required: boolean }) {
  const { l, t } = useLocale();
  // Watched so that an AGAINST vote asks for its dissent at once.
  const votes = Form.useWatch(name, Form.useFormInstance()) as { vote?: string }[] | undefined;
  return (
    <Form.Item label={label} required={required}>
      <Form.List name={name} initialValue={[{ vote: 'FOR' }]}>
        {(rows, { add, remove }, { errors }) => (
          <>
            {rows.map((row) => {
              const against = votes?.[row.name]?.vote === 'AGAINST';
              return (
                <Space key={row.key} align="baseline" wrap data-vote-row={row.name}>
                  <Form.Item name={[row.name, 'memberId']} rules={[{ required: true, message: t('member') }]}>
                    <UserPicker aria-label={t('member')} placeholder={t('member')} style={{ width: 220 }} />
                  </Form.Item>
                  <Form.Item name={[row.name, 'vote']} rules={[{ required: true, message: t('vote') }]}>
                    <Select style={{ width: 120 }} aria-label={t('vote')} options={CHOICES.map((value) => ({ value, label: l(VOTE_CHOICES[value]) }))} />
                  </Form.Item>
                  <Form.Item name={[row.name, 'opinion']} rules={[{ required: against, whitespace: true, message: t('dissentRequired') }]}>
                    <Input style={{ width: 280 }} maxLength={2000} aria-label={t('voteOpinion')} placeholder={t(against ? 'dissentRequired' : 'voteOpinion')} />
                  </Form.Item>
                  <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('remove')} onClick={() => remove(row.name)} />
                </Space>
              );
            })}
            <div>
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ vote: 'FOR' })}>
                {t('addVote')}
              </Button>
            </div>
            <Form.ErrorList errors={errors} />
          </>
        )}
      </Form.List>
    </Form.Item>
  );
}
