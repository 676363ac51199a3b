<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="id_ID">
<context>
    <name>BrowserPage</name>
    <message>
        <location filename="../../radio_desk/gui/editor/browser.py" line="28" />
        <source>Any confidentiality</source>
        <translation>Semua kerahasiaan</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/editor/browser.py" line="29" />
        <source>Not confidential</source>
        <translation>Bukan rahasia</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/editor/browser.py" line="30" />
        <source>Confidential (rahasia) only</source>
        <translation>Hanya rahasia</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/editor/browser.py" line="31" />
        <source>Anonymous callers only</source>
        <translation>Hanya pelapor anonim</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/editor/browser.py" line="32" />
        <source>Named callers only</source>
        <translation>Hanya pelapor bernama</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/editor/browser.py" line="76" />
        <source>Search failed: %1</source>
        <translation>Pencarian gagal: %1</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/editor/browser.py" line="84" />
        <source>All categories</source>
        <translation>Semua kategori</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/editor/browser.py" line="85" />
        <source>All urgencies</source>
        <translation>Semua urgensi</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/editor/browser.py" line="86" />
        <source>Open cases</source>
        <translation>Aduan terbuka</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/editor/browser.py" line="86" />
        <source>Closed cases</source>
        <translation>Aduan selesai/ditutup</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/editor/browser.py" line="87" />
        <source>All statuses</source>
        <translation>Semua status</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/editor/browser.py" line="90" />
        <source>All kecamatan</source>
        <translation>Semua kecamatan</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/editor/browser.py" line="92" />
        <location filename="../../radio_desk/gui/editor/browser.py" line="111" />
        <source>All desa</source>
        <translation>Semua desa</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/editor/browser.py" line="93" />
        <location filename="../../radio_desk/gui/editor/browser.py" line="105" />
        <source>All stations</source>
        <translation>Semua stasiun</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/editor/browser.py" line="94" />
        <source>All channels</source>
        <translation>Semua saluran</translation>
    </message>
    <message numerus="yes">
        <location filename="../../radio_desk/gui/editor/browser.py" line="180" />
        <source>%n case(s)</source>
        <translation>
            <numerusform>%n aduan</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/editor/browser.py" line="226" />
        <source>(choose)</source>
        <translation>(pilih)</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/editor/browser.py" line="241" />
        <source>Filter “%1” saved.</source>
        <translation>Filter “%1” disimpan.</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/editor/browser.py" line="244" />
        <source>Save filter</source>
        <translation>Simpan filter</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/editor/browser.py" line="244" />
        <source>Name of this filter:</source>
        <translation>Nama filter ini:</translation>
    </message>
</context>
<context>
    <name>CasePage</name>
    <message>
        <source>Not sent to the central server (%1): %2 Correct the case and save: it is sent again.</source>
        <translation>Tidak terkirim ke server pusat (%1): %2 Perbaiki aduan ini lalu simpan: aduan dikirim lagi.</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/editor/case_page.py" line="186" />
        <source>Transcript</source>
        <translation>Transkrip</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/editor/case_page.py" line="204" />
        <source>Loading…</source>
        <translation>Memuat…</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/editor/case_page.py" line="325" />
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/editor/case_page.py" line="384" />
        <source>Saved.</source>
        <translation>Tersimpan.</translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <location filename="../../radio_desk/gui/editor/case_table.py" line="38" />
        <source>Received</source>
        <translation>Diterima</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/editor/case_table.py" line="39" />
        <source>Urgency</source>
        <translation>Urgensi</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/editor/case_table.py" line="40" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/editor/case_table.py" line="41" />
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/editor/case_table.py" line="42" />
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/editor/case_table.py" line="43" />
        <source>Desa</source>
        <translation>Desa</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/editor/case_table.py" line="44" />
        <source>Caller</source>
        <translation>Penelepon</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/editor/case_table.py" line="45" />
        <source>Channel</source>
        <translation>Saluran</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/editor/case_table.py" line="46" />
        <source>Station</source>
        <translation>Stasiun</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/editor/case_table.py" line="47" />
        <source>Summary / match</source>
        <translation>Ringkasan / cocok</translation>
    </message>
</context>
<context>
    <name>EditorBrowser</name>
    <message>
        <location filename="../../ui/editor_browser.ui" line="5" />
        <source>Cases</source>
        <translation>Aduan</translation>
    </message>
    <message>
        <location filename="../../ui/editor_browser.ui" line="10" />
        <source>Search transcripts, summaries and notes…</source>
        <translation>Cari di transkrip, ringkasan dan catatan…</translation>
    </message>
    <message>
        <location filename="../../ui/editor_browser.ui" line="13" />
        <source>Saved filters:</source>
        <translation>Filter tersimpan:</translation>
    </message>
    <message>
        <location filename="../../ui/editor_browser.ui" line="15" />
        <source>Save filter…</source>
        <translation>Simpan filter…</translation>
    </message>
    <message>
        <location filename="../../ui/editor_browser.ui" line="16" />
        <source>Delete saved filter</source>
        <translation>Hapus filter tersimpan</translation>
    </message>
    <message>
        <location filename="../../ui/editor_browser.ui" line="21" />
        <source>Received from</source>
        <translation>Diterima dari</translation>
    </message>
    <message>
        <location filename="../../ui/editor_browser.ui" line="22" />
        <location filename="../../ui/editor_browser.ui" line="24" />
        <source>dd-MM-yyyy</source>
        <translation>dd-MM-yyyy</translation>
    </message>
    <message>
        <location filename="../../ui/editor_browser.ui" line="23" />
        <source>to</source>
        <translation>s.d.</translation>
    </message>
    <message>
        <location filename="../../ui/editor_browser.ui" line="33" />
        <source>Clear filters</source>
        <translation>Kosongkan filter</translation>
    </message>
    <message>
        <location filename="../../ui/editor_browser.ui" line="48" />
        <source>Add to rundown</source>
        <translation>Tambah ke rundown</translation>
    </message>
    <message>
        <location filename="../../ui/editor_browser.ui" line="49" />
        <source>Open case</source>
        <translation>Buka aduan</translation>
    </message>
</context>
<context>
    <name>EditorCase</name>
    <message>
        <location filename="../../ui/editor_case.ui" line="5" />
        <source>Case</source>
        <translation>Aduan</translation>
    </message>
    <message>
        <location filename="../../ui/editor_case.ui" line="14" />
        <source>No case open</source>
        <translation>Belum ada aduan dibuka</translation>
    </message>
    <message>
        <location filename="../../ui/editor_case.ui" line="17" />
        <source>Intake</source>
        <translation>Pencatatan</translation>
    </message>
    <message>
        <location filename="../../ui/editor_case.ui" line="19" />
        <source>Caller</source>
        <translation>Penelepon</translation>
    </message>
    <message>
        <location filename="../../ui/editor_case.ui" line="21" />
        <source>Phone</source>
        <translation>Telepon</translation>
    </message>
    <message>
        <location filename="../../ui/editor_case.ui" line="23" />
        <source>Privacy</source>
        <translation>Kerahasiaan</translation>
    </message>
    <message>
        <location filename="../../ui/editor_case.ui" line="26" />
        <source>Anonymous (anonim)</source>
        <translation>Anonim</translation>
    </message>
    <message>
        <location filename="../../ui/editor_case.ui" line="27" />
        <source>Confidential (rahasia)</source>
        <translation>Rahasia</translation>
    </message>
    <message>
        <location filename="../../ui/editor_case.ui" line="30" />
        <source>Channel</source>
        <translation>Saluran</translation>
    </message>
    <message>
        <location filename="../../ui/editor_case.ui" line="32" />
        <source>Kecamatan</source>
        <translation>Kecamatan</translation>
    </message>
    <message>
        <location filename="../../ui/editor_case.ui" line="34" />
        <source>Desa</source>
        <translation>Desa</translation>
    </message>
    <message>
        <location filename="../../ui/editor_case.ui" line="36" />
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <location filename="../../ui/editor_case.ui" line="38" />
        <source>Urgency</source>
        <translation>Urgensi</translation>
    </message>
    <message>
        <location filename="../../ui/editor_case.ui" line="40" />
        <source>Responsible OPD</source>
        <translation>OPD penanggung jawab</translation>
    </message>
    <message>
        <location filename="../../ui/editor_case.ui" line="42" />
        <source>Summary</source>
        <translation>Ringkasan</translation>
    </message>
    <message>
        <location filename="../../ui/editor_case.ui" line="44" />
        <source>Notes</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <location filename="../../ui/editor_case.ui" line="46" />
        <source>Save changes</source>
        <translation>Simpan perubahan</translation>
    </message>
    <message>
        <location filename="../../ui/editor_case.ui" line="52" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/editor_case.ui" line="56" />
        <source>Note for this status change</source>
        <translation>Catatan perubahan status</translation>
    </message>
    <message>
        <location filename="../../ui/editor_case.ui" line="57" />
        <source>Change status</source>
        <translation>Ubah status</translation>
    </message>
    <message>
        <location filename="../../ui/editor_case.ui" line="63" />
        <source>Related cases (possible duplicates)</source>
        <translation>Aduan terkait (kemungkinan duplikat)</translation>
    </message>
    <message>
        <location filename="../../ui/editor_case.ui" line="66" />
        <source>Mark this case as duplicate of the selected one</source>
        <translation>Tandai aduan ini duplikat dari yang dipilih</translation>
    </message>
    <message>
        <location filename="../../ui/editor_case.ui" line="72" />
        <source>History</source>
        <translation>Riwayat</translation>
    </message>
    <message>
        <location filename="../../ui/editor_case.ui" line="76" />
        <source>When</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <location filename="../../ui/editor_case.ui" line="77" />
        <source>Who</source>
        <translation>Oleh</translation>
    </message>
    <message>
        <location filename="../../ui/editor_case.ui" line="78" />
        <source>Change</source>
        <translation>Perubahan</translation>
    </message>
    <message>
        <location filename="../../ui/editor_case.ui" line="88" />
        <source>Transcript</source>
        <translation>Transkrip</translation>
    </message>
    <message>
        <location filename="../../ui/editor_case.ui" line="92" />
        <source>Play</source>
        <translation>Putar</translation>
    </message>
    <message>
        <location filename="../../ui/editor_case.ui" line="93" />
        <source>0:00.0</source>
        <translation>0:00.0</translation>
    </message>
    <message>
        <location filename="../../ui/editor_case.ui" line="96" />
        <source>Split</source>
        <translation>Potong</translation>
    </message>
    <message>
        <location filename="../../ui/editor_case.ui" line="97" />
        <source>Merge with next</source>
        <translation>Gabung dengan berikutnya</translation>
    </message>
    <message>
        <location filename="../../ui/editor_case.ui" line="98" />
        <source>Transcribe again…</source>
        <translation>Transkripsi ulang…</translation>
    </message>
    <message>
        <location filename="../../ui/editor_case.ui" line="106" />
        <source>Ctrl+Space play/pause · Ctrl+←/→ jump 5 s · double-click a segment to edit it</source>
        <translation>Ctrl+Spasi putar/jeda · Ctrl+←/→ lompat 5 detik · klik ganda segmen untuk menyunting</translation>
    </message>
</context>
<context>
    <name>EditorRundown</name>
    <message>
        <location filename="../../ui/editor_rundown.ui" line="5" />
        <source>Ayo Mas Bro rundown</source>
        <translation>Rundown Ayo Mas Bro</translation>
    </message>
    <message>
        <location filename="../../ui/editor_rundown.ui" line="9" />
        <source>Rundown:</source>
        <translation>Rundown:</translation>
    </message>
    <message>
        <location filename="../../ui/editor_rundown.ui" line="11" />
        <source>Show date:</source>
        <translation>Tanggal siaran:</translation>
    </message>
    <message>
        <location filename="../../ui/editor_rundown.ui" line="12" />
        <source>dd-MM-yyyy</source>
        <translation>dd-MM-yyyy</translation>
    </message>
    <message>
        <location filename="../../ui/editor_rundown.ui" line="13" />
        <source>New segment</source>
        <translation>Segmen baru</translation>
    </message>
    <message>
        <location filename="../../ui/editor_rundown.ui" line="14" />
        <source>Delete</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <location filename="../../ui/editor_rundown.ui" line="16" />
        <source>Export…</source>
        <translation>Ekspor…</translation>
    </message>
    <message>
        <location filename="../../ui/editor_rundown.ui" line="27" />
        <source>Up</source>
        <translation>Naik</translation>
    </message>
    <message>
        <location filename="../../ui/editor_rundown.ui" line="28" />
        <source>Down</source>
        <translation>Turun</translation>
    </message>
    <message>
        <location filename="../../ui/editor_rundown.ui" line="29" />
        <source>Remove</source>
        <translation>Keluarkan</translation>
    </message>
    <message>
        <location filename="../../ui/editor_rundown.ui" line="38" />
        <source>Drag cases here from the case list, or select them there and press “Add to rundown”.</source>
        <translation>Seret aduan ke sini dari daftar aduan, atau pilih di sana lalu tekan “Tambah ke rundown”.</translation>
    </message>
    <message>
        <location filename="../../ui/editor_rundown.ui" line="39" />
        <source>Read-out summary</source>
        <translation>Ringkasan dibacakan</translation>
    </message>
    <message>
        <location filename="../../ui/editor_rundown.ui" line="41" />
        <source>Transcript excerpt</source>
        <translation>Cuplikan transkrip</translation>
    </message>
    <message>
        <location filename="../../ui/editor_rundown.ui" line="43" />
        <source>OPD to answer</source>
        <translation>OPD penjawab</translation>
    </message>
    <message>
        <location filename="../../ui/editor_rundown.ui" line="45" />
        <source>Clip</source>
        <translation>Klip</translation>
    </message>
    <message>
        <location filename="../../ui/editor_rundown.ui" line="49" />
        <source>In (s)</source>
        <translation>Awal (dtk)</translation>
    </message>
    <message>
        <location filename="../../ui/editor_rundown.ui" line="51" />
        <source>Out (s)</source>
        <translation>Akhir (dtk)</translation>
    </message>
    <message>
        <location filename="../../ui/editor_rundown.ui" line="53" />
        <source>Play clip</source>
        <translation>Putar klip</translation>
    </message>
    <message>
        <location filename="../../ui/editor_rundown.ui" line="56" />
        <source>Include this confidential (rahasia) case on air — the decision is recorded</source>
        <translation>Sertakan aduan rahasia ini dalam siaran — keputusan dicatat</translation>
    </message>
</context>
<context>
    <name>EditorWorkspace</name>
    <message>
        <location filename="../../radio_desk/gui/editor/workspace.py" line="39" />
        <source>Cases</source>
        <translation>Aduan</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/editor/workspace.py" line="40" />
        <source>Case and transcript</source>
        <translation>Aduan dan transkrip</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/editor/workspace.py" line="41" />
        <source>Ayo Mas Bro rundown</source>
        <translation>Rundown Ayo Mas Bro</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/editor/workspace.py" line="56" />
        <source>Find cases</source>
        <translation>Cari aduan</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/editor/workspace.py" line="59" />
        <source>Add selected cases to rundown</source>
        <translation>Tambahkan aduan terpilih ke rundown</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/editor/workspace.py" line="62" />
        <source>New rundown segment</source>
        <translation>Segmen rundown baru</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/editor/workspace.py" line="70" />
        <source>&amp;Editor</source>
        <translation>&amp;Redaksi</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/editor/workspace.py" line="87" />
        <source>Select one or more cases first.</source>
        <translation>Pilih satu atau beberapa aduan dulu.</translation>
    </message>
</context>
<context>
    <name>RundownPage</name>
    <message numerus="yes">
        <location filename="../../radio_desk/gui/editor/rundown_page.py" line="163" />
        <source>Delete the rundown of %1 with its %n item(s)? The cases themselves stay.</source>
        <translation>
            <numerusform>Hapus rundown %1 beserta %n itemnya? Aduannya sendiri tetap tersimpan.</numerusform></translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/editor/rundown_page.py" line="165" />
        <source>Delete rundown</source>
        <translation>Hapus rundown</translation>
    </message>
</context>
<context>
    <name>SegmentModel</name>
    <message>
        <location filename="../../radio_desk/gui/editor/transcript.py" line="28" />
        <source>Start</source>
        <translation>Mulai</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/editor/transcript.py" line="29" />
        <source>End</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/editor/transcript.py" line="30" />
        <source>Speaker</source>
        <translation>Pembicara</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/editor/transcript.py" line="31" />
        <source>Text</source>
        <translation>Teks</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/editor/transcript.py" line="32" />
        <source>Edited</source>
        <translation>Disunting</translation>
    </message>
    <message>
        <location filename="../../radio_desk/gui/editor/transcript.py" line="101" />
        <source>Corrected by an editor</source>
        <translation>Dikoreksi editor</translation>
    </message>
</context>
<context>
    <name>CaseHints</name>
    <message>
        <source>No related cases found.</source>
        <translation>Tidak ada aduan terkait.</translation>
    </message>
    <message>
        <source>Same caller</source>
        <translation>Penelepon sama</translation>
    </message>
    <message>
        <source>Suggested: &lt;b&gt;%s&lt;/b&gt;</source>
        <translation>Saran: &lt;b&gt;%s&lt;/b&gt;</translation>
    </message>
    <message>
        <source>use</source>
        <translation>pakai</translation>
    </message>
</context>
<context>
    <name>CaseIntake</name>
    <message>
        <source>(none)</source>
        <translation>(tidak ada)</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>(tidak diketahui)</translation>
    </message>
    <message>
        <source>Nothing to save.</source>
        <translation>Tidak ada yang perlu disimpan.</translation>
    </message>
</context>
<context>
    <name>CaseStatusBox</name>
    <message>
        <source>%1 (not allowed now)</source>
        <translation>%1 (belum boleh sekarang)</translation>
    </message>
    <message>
        <source>Choose the responsible OPD before forwarding.</source>
        <translation>Pilih OPD penanggung jawab sebelum meneruskan.</translation>
    </message>
    <message>
        <source>Current status: %1</source>
        <translation>Status sekarang: %1</translation>
    </message>
    <message>
        <source>Follow-up%1: %2</source>
        <translation>Tindak lanjut%1: %2</translation>
    </message>
    <message>
        <source>duplicate of %1</source>
        <translation>duplikat dari %1</translation>
    </message>
</context>
<context>
    <name>TranscribeAgain</name>
    <message numerus="yes">
        <source>%n segment(s) corrected by an editor will be replaced. Continue?</source>
        <translation>
            <numerusform>%n segmen yang sudah dikoreksi editor akan diganti. Lanjutkan?</numerusform>
        </translation>
    </message>
    <message>
        <source>Model (empty: the bundled whisper-base; or small, medium, a folder):</source>
        <translation>Model (kosong: whisper-base bawaan; atau small, medium, sebuah folder):</translation>
    </message>
    <message>
        <source>No recording to transcribe.</source>
        <translation>Tidak ada rekaman untuk ditranskripsi.</translation>
    </message>
    <message>
        <source>Speech engine:</source>
        <translation>Mesin transkripsi:</translation>
    </message>
    <message>
        <source>Transcribe again</source>
        <translation>Transkripsi ulang</translation>
    </message>
    <message>
        <source>Transcribing with %1…</source>
        <translation>Mentranskripsi dengan %1…</translation>
    </message>
</context>
<context>
    <name>TranscriptPanel</name>
    <message>
        <source>(speaker)</source>
        <translation>(pembicara)</translation>
    </message>
    <message>
        <source>No recording file for this case.</source>
        <translation>Berkas rekaman aduan ini tidak ada.</translation>
    </message>
    <message>
        <source>No recording.</source>
        <translation>Tidak ada rekaman.</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Jeda</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Putar</translation>
    </message>
    <message>
        <source>Select a segment that has a next one to merge with.</source>
        <translation>Pilih segmen yang punya segmen berikutnya untuk digabung.</translation>
    </message>
    <message>
        <source>Select the segment to split.</source>
        <translation>Pilih segmen yang akan dipotong.</translation>
    </message>
    <message>
        <source>Transcript saved.</source>
        <translation>Transkrip tersimpan.</translation>
    </message>
</context>
<context>
    <name>EntryEditor</name>
    <message>
        <source>(none)</source>
        <translation>(tidak ada)</translation>
    </message>
    <message>
        <source>Clip %1 s.</source>
        <translation>Klip %1 detik.</translation>
    </message>
    <message>
        <source>Confidential case included by %1; the decision is recorded.</source>
        <translation>Aduan rahasia disertakan oleh %1; keputusan ini dicatat.</translation>
    </message>
    <message>
        <source>Confidential case left out again.</source>
        <translation>Aduan rahasia kembali tidak disertakan.</translation>
    </message>
    <message>
        <source>Included by %1</source>
        <translation>Disertakan oleh %1</translation>
    </message>
    <message>
        <source>No recording: no clip.</source>
        <translation>Tidak ada rekaman: tidak ada klip.</translation>
    </message>
    <message>
        <source>The clip must end after it starts.</source>
        <translation>Akhir klip harus setelah awalnya.</translation>
    </message>
</context>
<context>
    <name>RundownExport</name>
    <message numerus="yes">
        <source>%n confidential case(s) left out.</source>
        <translation>
            <numerusform>%n aduan rahasia tidak disertakan.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export rundown to folder</source>
        <translation>Ekspor rundown ke folder</translation>
    </message>
    <message>
        <source>Exported %1 case(s), %2 clip(s) to %3.</source>
        <translation>%1 aduan dan %2 klip diekspor ke %3.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Mengekspor…</translation>
    </message>
</context>
<context>
    <name>RundownItems</name>
    <message numerus="yes">
        <source>%n case(s) added.</source>
        <translation>
            <numerusform>%n aduan ditambahkan.</numerusform>
        </translation>
    </message>
    <message>
        <source>Already in this rundown.</source>
        <translation>Sudah ada di rundown ini.</translation>
    </message>
    <message>
        <source>Confidential (rahasia) cases stay out of the export unless you include them explicitly.</source>
        <translation>Aduan rahasia tidak ikut diekspor kecuali Anda menyertakannya secara eksplisit.</translation>
    </message>
    <message>
        <source>No OPD yet</source>
        <translation>Belum ada OPD</translation>
    </message>
    <message>
        <source>[RAHASIA – included]</source>
        <translation>[RAHASIA – disertakan]</translation>
    </message>
    <message>
        <source>[RAHASIA – left out]</source>
        <translation>[RAHASIA – tidak disertakan]</translation>
    </message>
</context>
</TS>