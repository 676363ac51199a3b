<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- The desk's studio-day additions (issue 19): duplicate, reopen, discard, import, rundown notes.
     Kept apart from onair_id.ts / editor_id.ts while those change on other branches. -->
<TS version="2.1" language="id_ID">
  <context>
    <name>CallDiscard</name>
    <message>
      <source>Discard…</source>
      <translation>Buang…</translation>
    </message>
    <message>
      <source>A test or mistaken recording: thrown away with a reason, recoverable</source>
      <translation>Rekaman uji atau salah: dibuang dengan alasan, bisa dipulihkan</translation>
    </message>
    <message>
      <source>Nothing to discard: this form has no recording or case.</source>
      <translation>Tidak ada yang dibuang: formulir ini tidak punya rekaman atau aduan.</translation>
    </message>
    <message>
      <source>Stop the recording first (F9), then discard it.</source>
      <translation>Hentikan rekaman dulu (F9), lalu buang.</translation>
    </message>
    <message>
      <source>Discard recording</source>
      <translation>Buang rekaman</translation>
    </message>
    <message>
      <source>For a test or mistaken recording. It disappears from today's calls and every list; the audio moves to the trash folder and is kept. The reason and your name are kept, and it can be restored.</source>
      <translation>Untuk rekaman uji atau salah. Rekaman hilang dari panggilan hari ini dan semua daftar; audionya dipindah ke folder sampah dan tetap disimpan. Alasan dan nama Anda dicatat, dan rekaman bisa dipulihkan.</translation>
    </message>
    <message>
      <source>Discard</source>
      <translation>Buang</translation>
    </message>
    <message>
      <source>Discarded (%s); it can be restored.</source>
      <translation>Dibuang (%s); bisa dipulihkan.</translation>
    </message>
    <message>
      <source>Not discarded: %s</source>
      <translation>Tidak dibuang: %s</translation>
    </message>
  </context>
  <context>
    <name>CasePage</name>
    <message>
      <source>Case discarded (%1). It can be restored.</source>
      <translation>Aduan dibuang (%1). Aduan bisa dipulihkan.</translation>
    </message>
  </context>
  <context>
    <name>CaseQuestions</name>
    <message>
      <source>No related case to choose as the original: the duplicate needs its original.</source>
      <translation>Tidak ada aduan terkait untuk dipilih sebagai aslinya: duplikat harus menyebut aduan aslinya.</translation>
    </message>
    <message>
      <source>Duplicate of %1</source>
      <translation>Duplikat dari %1</translation>
    </message>
    <message>
      <source>Reopen case</source>
      <translation>Buka kembali aduan</translation>
    </message>
    <message>
      <source>The case goes back to Terverifikasi and is handled again. Your name and the reason are kept in its history, and the central server is told.</source>
      <translation>Aduan kembali ke Terverifikasi dan ditangani lagi. Nama Anda dan alasannya disimpan di riwayatnya, dan server pusat diberi tahu.</translation>
    </message>
    <message>
      <source>Reopen</source>
      <translation>Buka kembali</translation>
    </message>
    <message>
      <source>Discard case</source>
      <translation>Buang aduan</translation>
    </message>
    <message>
      <source>For a test or mistaken case. It disappears from every list, search and report; its recording moves to the trash folder and is kept. The reason and your name are kept, and the case can be restored.</source>
      <translation>Untuk aduan uji atau salah. Aduan hilang dari semua daftar, pencarian dan laporan; rekamannya dipindah ke folder sampah dan tetap disimpan. Alasan dan nama Anda dicatat, dan aduan bisa dipulihkan.</translation>
    </message>
    <message>
      <source>Discard</source>
      <translation>Buang</translation>
    </message>
  </context>
  <context>
    <name>DuplicateDialog</name>
    <message>
      <source>Mark as duplicate</source>
      <translation>Tandai duplikat</translation>
    </message>
    <message>
      <source>Which case is the original? This case will be marked as its duplicate. Duplikat is a final status: afterwards only a coordinator can reopen the case, with a reason.</source>
      <translation>Aduan mana yang asli? Aduan ini akan ditandai sebagai duplikatnya. Duplikat adalah status akhir: sesudahnya hanya koordinator yang bisa membuka kembali aduan ini, dengan alasan.</translation>
    </message>
    <message>
      <source>Note (optional)</source>
      <translation>Catatan (boleh kosong)</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Batal</translation>
    </message>
  </context>
  <context>
    <name>EditorCase</name>
    <message>
      <source>Reopen…</source>
      <translation>Buka kembali…</translation>
    </message>
    <message>
      <source>Discard…</source>
      <translation>Buang…</translation>
    </message>
    <message>
      <source>A test or mistaken case: hidden from every list, with its reason kept; it can be restored</source>
      <translation>Aduan uji atau salah: disembunyikan dari semua daftar, alasannya dicatat; bisa dipulihkan</translation>
    </message>
  </context>
  <context>
    <name>ImportDialog</name>
    <message>
      <source>Import audio</source>
      <translation>Impor audio</translation>
    </message>
    <message>
      <source>Each file becomes a new case and is transcribed in the background. The channel is offered from the file (a voice note: WhatsApp).</source>
      <translation>Setiap berkas menjadi aduan baru dan ditranskripsi di latar belakang. Saluran ditawarkan dari berkasnya (pesan suara: WhatsApp).</translation>
    </message>
    <message>
      <source>File</source>
      <translation>Berkas</translation>
    </message>
    <message>
      <source>Channel</source>
      <translation>Saluran</translation>
    </message>
    <message>
      <source>Note</source>
      <translation>Keterangan</translation>
    </message>
    <message>
      <source>Import</source>
      <translation>Impor</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Batal</translation>
    </message>
    <message>
      <source>New</source>
      <translation>Baru</translation>
    </message>
    <message>
      <source>Already imported: case %1 (%2, %3). Tick it to import it again.</source>
      <translation>Sudah pernah diimpor: aduan %1 (%2, %3). Centang untuk mengimpornya lagi.</translation>
    </message>
  </context>
  <context>
    <name>ImportFlow</name>
    <message>
      <source>&amp;Import audio…</source>
      <translation>&amp;Impor audio…</translation>
    </message>
    <message>
      <source>Import audio</source>
      <translation>Impor audio</translation>
    </message>
    <message>
      <source>Audio and voice notes (%1)</source>
      <translation>Audio dan pesan suara (%1)</translation>
    </message>
    <message numerus="yes">
      <source>Checking %n file(s)…</source>
      <translation>
        <numerusform>Memeriksa %n berkas…</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Importing %n file(s)…</source>
      <translation>
        <numerusform>Mengimpor %n berkas…</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n file(s) imported as new cases.</source>
      <translation>
        <numerusform>%n berkas diimpor sebagai aduan baru.</numerusform>
      </translation>
    </message>
    <message>
      <source>Speech model not ready: the imported case has no transcript yet.</source>
      <translation>Model ucapan belum siap: aduan yang diimpor belum punya transkrip.</translation>
    </message>
    <message>
      <source>Import</source>
      <translation>Impor</translation>
    </message>
      <message>
        <source>Audio files or WhatsApp voice notes as new cases (or drop them on the window)</source>
        <translation>Berkas audio atau pesan suara WhatsApp sebagai aduan baru (atau seret ke jendela)</translation>
    </message>
</context>
  <context>
    <name>ReasonDialog</name>
    <message>
      <source>Reason (required, kept in the history):</source>
      <translation>Alasan (wajib, disimpan di riwayat):</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Batal</translation>
    </message>
  </context>
  <context>
    <name>CaseStatusBox</name>
    <message>
      <source>%1 (not possible: final status)</source>
      <translation>%1 (tidak bisa: status akhir)</translation>
    </message>
    <message>
      <source>(final status)</source>
      <translation>(status akhir)</translation>
    </message>
    <message>
      <source>Back to Terverifikasi, with a reason in the history.</source>
      <translation>Kembali ke Terverifikasi, dengan alasan di riwayat.</translation>
    </message>
    <message>
      <source>Only a coordinator can reopen a case with a final status.</source>
      <translation>Hanya koordinator yang boleh membuka kembali aduan berstatus akhir.</translation>
    </message>
  </context>
  <context>
    <name>RundownItems</name>
    <message numerus="yes">
      <source>%n case(s) marked Duplikat added: usually the original is discussed (%1).</source>
      <translation>
        <numerusform>%n aduan berstatus Duplikat ditambahkan: biasanya aduan aslinya yang dibahas (%1).</numerusform>
      </translation>
    </message>
    <message>
      <source>[DUPLICATE]</source>
      <translation>[DUPLIKAT]</translation>
    </message>
    <message>
      <source>unknown</source>
      <translation>tidak diketahui</translation>
    </message>
  </context>
</TS>
