// Builds depositary status pages (MTDSG XML) for tests, in the layout of the real files.
export interface FixtureRow {
  name: string;
  signature?: string;
  consent?: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2025-10-25" → "25 Oct 2025"; a marker may follow ("2026-06-15 AA"). */
export function depositaryDate(iso: string): string {
  const [date, marker] = iso.split(' ');
  const [y, m, d] = date!.split('-').map(Number);
  return `${d} ${MONTHS[m! - 1]} ${y}${marker ? ` ${marker}` : ''}`;
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function mtdsgXml(rows: readonly FixtureRow[], options: { chapter?: string; number?: string; signatories?: number; parties?: number; legend?: string } = {}): string {
  const entry = (text: string | undefined) => (text ? `<Entry>${escape(text)}</Entry>` : '<Entry />');
  const body = rows
    .map((r) => `<Row>${entry(r.name)}${entry(r.signature && depositaryDate(r.signature))}${entry(r.consent && depositaryDate(r.consent))}</Row>`)
    .join('\n              ');
  return `<?xml version="1.0" encoding="utf-8"?>
<Document>
  <Treaty>
    <Template>mtdsg</Template>
    <Header>
      <Chapter><Header>CHAPTER ${options.chapter ?? 'XVIII'}</Header><Name>PENAL MATTERS</Name></Chapter>
      <ExternalData>
        <Numsect>${options.number ?? '16'}</Numsect>
        <Titlesect>United Nations Convention against Cybercrime</Titlesect>
        <Conclusion>New York, 24 December 2024</Conclusion>
        <EIF><Label>Not yet in force</Label><Labeltext>article 65(1)</Labeltext></EIF>
        <Status><Label>Status</Label><SignatoriesLabel>Signatories</SignatoriesLabel><Signatories>${options.signatories ?? rows.filter((r) => r.signature).length}</Signatories><PartiesLabel>Parties</PartiesLabel><Parties>${options.parties ?? rows.filter((r) => r.consent).length}</Parties></Status>
      </ExternalData>
    </Header>
    <Participants>
      <Table colsep="0" frame="none" rowsep="0">
        <TGroup cols="3">
          <Thead><Row rowsep="0"><Entry colname="1">Participant</Entry><Entry colname="2">Signature</Entry><Entry colname="3">${options.legend ?? 'Acceptance(A), Ratification, Approval(AA), Accession(a)'}</Entry></Row></Thead>
          <Tbody>
            <Rows>
              ${body}
            </Rows>
          </Tbody>
        </TGroup>
      </Table>
    </Participants>
  </Treaty>
</Document>
`;
}
