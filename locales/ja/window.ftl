# Switchboard の日本語の文言：ウィンドウに表示する文です。言語ごとに 1 つの
# ファイル（en、zh-CN、zh-TW、ja）があり、どれも同じメッセージと同じ引数を持ちます。
# ui/src/lib/i18n.test.ts が、そのことと各メッセージが使われていることを確認します。
# プロバイダー名、ID、パス、コマンドはどの言語でもそのままにします。

## ヘッダーとセクション

header-codex-uses = Codex は { $provider } を使用中
header-codex-uses-model-title = Codex は { $provider } · { $model } を使用中
openai-default = OpenAI（デフォルト）
managed-button = 組織による管理
managed-hint = Switchboard は引き続き選択内容を config.toml に書き込みます。変更が必要な場合は、このコンピューターの管理者に、管理者側のファイルを変更するよう依頼してください。
nav-label = セクション
nav-providers = プロバイダー
nav-add = プロバイダーを追加
nav-sessions = セッション
nav-import = インポート
nav-backups = バックアップ

## お知らせ

notice-dismiss = 閉じる
load-try-again = 再試行
added-provider = { $id } を追加しました。「テスト」を押して確認してから、「使用」を押すと Codex の接続先がこのプロバイダーに切り替わります。

## プロバイダー

empty-title = Codex を別のプロバイダーにつなぎましょう
empty-body = Azure、Vercel、OpenRouter、Ollama、Kimi、GLM、DeepSeek、Mistral、または社内のゲートウェイを選べます。Chat Completions にしか対応していないプロバイダーは、Switchboard のブリッジを経由して接続します。キーはシステムのキーチェーンに保存され、Switchboard は config.toml のうち必要な行だけを変更します。
empty-add = 最初のプロバイダーを追加
empty-import = CC Switch からインポート
providers-label = プロバイダー
dot-untested = 未テスト
dot-last-test = 前回のテスト：{ $verdict }
badge-active = アクティブ
tag-from-config = 設定ファイルから
tag-from-config-title = config.toml に手動で記述されています
row-built-in = Codex に組み込み
row-bridged = Switchboard のブリッジ経由
row-context = コンテキスト { $tokens }
row-sessions = { $count } 件のセッション
button-use = 使用
button-in-use = 使用中
button-test = テスト
button-testing = テスト中…
button-edit = 編集
button-share = 共有
button-remove = 削除
announce-testing = { $provider } をテストしています…
announce-verdict = { $provider }：{ $verdict }。{ $message }

## 削除

confirm-remove-label = 削除の確認
confirm-remove = { $provider } と保存されているキーを削除しますか？
confirm-remove-active = Codex は OpenAI に戻ります。
confirm-remove-sessions = 保存されている { $count } 件のセッションはディスクに残りますが、このプロバイダーがない状態では Codex で再開できません。
confirm-remove-backup = config.toml のバックアップが残ります。
confirm-remove-keep = 削除しない

## 追加

presets-title = プロバイダーを追加
presets-lead = Codex のリクエストの送信先を選んでください。
presets-filter = プロバイダーを検索
presets-filter-placeholder = 名前、国・地域、モデル
presets-none = 「{ $query }」に一致するプリセットはありません。「Custom provider」と「Chat Completions gateway」は任意のアドレスを使えます。
presets-cc-switch = CC Switch をお使いですか？{ $link }（キーはキーチェーンに移されます）。
presets-cc-switch-link = Codex のプロバイダーをインポート

## バックアップ

backups-title = config.toml のバックアップ
backups-lead = Switchboard は変更を加える前に、毎回コピーを保存します。最新の 20 件が保持されます。
backups-empty = バックアップはまだありません。次に Switchboard が config.toml を変更するときに、最初のバックアップが作成されます。
backups-taken = { $when } UTC
backups-newest = 最新
backups-size = { $name } · { $size } バイト
confirm-restore-label = 復元の確認
confirm-restore = config.toml をこのコピーで置き換えますか？（現在のファイルは先にバックアップされます。）
button-cancel = キャンセル
button-restore = 復元
button-restore-ask = 復元…

## フッター

footer-codex-home = Codex ホーム：{ $path }
footer-login = ログイン時に起動
footer-login-title = ログインすると、Switchboard はウィンドウを開かずにシステムトレイで起動します。
footer-language = 言語
footer-version = Switchboard { $version }

## テスト

test-running = Codex と同じ方法で接続をテストしています…
test-what-to-do = 対処方法：
test-bridge-fix = Switchboard のブリッジを経由して Codex が接続するように設定してください。ブリッジはこのプロバイダーと Chat Completions でやり取りし、Codex が必要とするたびにこのコンピューター上で起動します。
test-use-bridge = Switchboard のブリッジを使用
test-use-direct = 直接接続を使用
test-way = 接続方法：
test-better = より良い方法：
test-learnt = 学習済み：
test-not-reached = 未実行
test-working = 実行中…
test-waiting = 待機中
step-config = 設定
step-connect = ホストへの接続
step-models = モデル一覧の取得
step-responses = Responses API
step-codex = 実際の Codex で実行

## 判定（診断コードごとに 1 つ）

verdict-ok = Codex で使用できます
verdict-missing-key = キーが未設定です
verdict-token-command-failed = トークンコマンドが失敗しました
verdict-invalid-config = 設定の修正が必要です
verdict-dns = アドレスが見つかりません
verdict-unreachable = 接続できません
verdict-tls = 安全な接続に失敗しました
verdict-timeout = 時間内に応答がありません
verdict-unauthorized = キーが受け付けられません
verdict-wrong-base-url = アドレスが正しくありません
verdict-no-responses-api = プロバイダーが Codex に対応していません
verdict-tools-refused = Codex のツールが拒否されました
verdict-model-not-found = モデルが見つかりません
verdict-azure-api-version = Azure の API バージョンが拒否されました
verdict-rate-limited = レート制限を受けています
verdict-provider-error = プロバイダー側で問題が発生しています
verdict-unexpected-response = 予期しない応答です

## キーを Codex に渡す方法

auth-keychain = キーチェーンのキー
auth-keychain-missing = キーチェーンにキー未保存
auth-env = 環境変数 ${ $var } から
auth-command = トークンコマンド
auth-file-token = config.toml のキー
auth-openai = OpenAI でサインイン
auth-none = キーなし

## プロバイダーのフォーム（追加と編集）

form-title-add = { $preset } を追加
form-title-edit = { $provider } を編集
form-other-address = 別の API アドレス
# { $tokens } は Switchboard が見つけたコンテキストウィンドウ（トークン数）です。
form-context-found = { $tokens }（Switchboard が検出）
form-models-offered = { $count } 件のモデルが提供されています。入力して絞り込むか、任意のモデル名を入力してください。
# { $url } はプリセットのアドレスです。
form-base-url-default = 空欄の場合は { $url } を使用します。
form-key = キー
form-key-stored = キーはキーチェーンに保存されています。
form-key-replace = 変更
form-key-remove = 削除
form-key-deleted = { $provider } のキーを削除しました。
form-key-modes-label = Codex がキーを取得する方法
form-mode-keychain = キーチェーン
form-mode-env = 環境変数
form-mode-command = トークンコマンド
form-mode-none = キーなし
form-token-args = 引数
form-more-options = その他のオプション
form-bridge = Switchboard のブリッジ経由で接続
form-bridge-help = Chat Completions（POST /chat/completions）にしか対応していないプロバイダー向けです。Codex はこのコンピューター上の Switchboard のブリッジを経由して接続します。ブリッジは Codex が必要とするときに起動します。
form-cancel = キャンセル
form-saving = 保存中…
form-add = プロバイダーを追加
form-save = 変更を保存

## プロバイダーのフォームの項目（ラベル、空欄のときの案内、ヘルプ、プレースホルダー）

field-id-label = ID
field-id-missing = openrouter や corp のような短い ID をプロバイダーに付けてください。
field-id-help = Codex とシステムトレイでの呼び名です。英字、数字、- と _ を使用できます。
field-name-label = 表示名
field-name-missing = プロバイダーの名前を入力してください。
field-base-url-label = API アドレス（ベース URL）
field-base-url-missing = API アドレスを入力してください（例：https://openrouter.ai/api/v1）。
field-base-url-help = 通常は /v1 で終わります。/responses は Codex が自動で付け加えます。
field-model-label = モデル
field-model-missing = プロバイダーが指定するモデル名を入力してください。
field-model-help = モデル名を入力してください。プロバイダーがモデルの一覧を公開している場合は、候補が表示されます。
field-model-placeholder = モデル名
field-resource-label = Azure リソース
field-resource-missing = Azure のリソース名（.openai.azure.com の前の部分）を入力してください。
field-resource-help = Azure portal に表示される https://<resource>.openai.azure.com の <resource> の部分です。
field-deployment-label = デプロイ
field-deployment-missing = Azure AI Foundry のデプロイ名を入力してください。
field-deployment-help = Azure AI Foundry でのデプロイ名です。Codex はこれをモデル名として送信します。
field-api-version-label = api-version
field-api-version-missing = api-version を入力してください。
field-api-version-placeholder = 旧形式の /openai パスでのみ必要
field-key-label = APIキー
field-key-missing = APIキーを貼り付けるか、「キーなし」を選んでください。
field-key-missing-required = APIキーを貼り付けてください。
field-key-help = システムのキーチェーンに保存され、ファイルには書き込まれません。
field-key-placeholder = キーを貼り付け
field-env-var-label = 変数名
field-env-var-missing = OPENROUTER_API_KEY のような変数名を入力してください。
field-env-var-help = Codex は、Codex を起動したシェルのこの変数からキーを読み取ります。
field-token-command-label = コマンド
field-token-command-missing = トークンを出力するコマンドを入力してください。
field-token-command-help = 有効期限の短いトークン向けです（Azure Entra ID、gcloud、シークレット管理ツールの CLI など）。コマンドはトークンを出力する必要があります。
field-headers-label = ヘッダー
field-headers-help = 1 行に 1 つずつ Name=value の形式で記述します。すべてのリクエストに付けて送信されます。
field-env-headers-label = 環境変数から取得するヘッダー
field-env-headers-help = Header=VARIABLE の形式で記述します。変数が設定されていない場合、そのヘッダーは送信されません。
field-query-label = クエリパラメーター
field-context-window-label = コンテキストウィンドウ
field-context-window-help = トークン数で指定します（262144、128k、1M など）。空欄にすると、Switchboard がプロバイダーの情報、モデルのファミリーの順に調べて決め、どちらからもわからなければ 128k を使用します。
field-context-window-placeholder = Switchboard が自動検出

## 共有データのインポート（switchboard:// リンクまたは .switchboard.toml ファイル）

import-title = プロバイダーをインポート
# { $scheme }（switchboard://）と { $file }（.switchboard.toml）はコードとして表示されます。
import-lead = 受け取った { $scheme } リンク、または { $file } ファイルのパスを貼り付けてください。共有データにキーが含まれることはないため、キーはご自身のものを貼り付けます。
import-source-label = リンクまたはファイル
import-cancel = キャンセル
import-read = 読み込み
import-lead-many = この共有データには { $count } 件のプロバイダーが含まれています。必要なものにチェックを入れてください。
import-lead-one = Codex のリクエストの送信先を確認し、キーを貼り付けてからインポートしてください。
import-preset-model = { $preset } · モデル { $model }
import-send-to = Codex のリクエストの送信先
import-no-address = アドレスなし
import-caution-plain-http = 暗号化されていません：{ $host } には暗号化なしの http:// で接続するため、キーとプロンプトが平文のままネットワーク上を流れます。
import-caution-unusual-host = 通常と異なるアドレス：このプリセットの通常の接続先は { $usual } で、{ $host } ではありません。意図したものか確認してください。
import-caution-unusual-host-own = 通常と異なるアドレス：このプリセットの通常の接続先は専用のホストで、{ $host } ではありません。意図したものか確認してください。
import-caution-runs-command = Codex はトークンを取得するために、この共有データで指定されたプログラムを実行します。
import-same = すでにまったく同じ設定になっています。インポートするものはありません。
import-id-label = ID
# { $id } はコードとして表示されます。
import-id-taken = 別の { $id } がすでにあるため、こちらには新しい ID が付けられます。
import-key-label = APIキー
import-key-help = システムのキーチェーンに保存され、ファイルには書き込まれません。後から追加することもできます。
import-key = キー
# { $var } は $OPENROUTER_API_KEY のような変数で、コードとして表示されます。
import-key-env = Codex は環境変数 { $var } からキーを読み取ります。シェルまたはセッションで設定してください。
import-key-none = キーは不要です。
import-command-title = このプロバイダーは、お使いのコンピューター上でプログラムを実行してトークンを取得します。
import-command-body = このプログラムは共有データの送信者が指定したものです。Codex はトークンが必要になるたびに、あなたの権限で次のとおりに実行します：
import-trust = このコマンドを確認し、信頼して実行を許可します。
import-importing = インポート中…
import-submit = インポート
import-submit-many = { $count } 件のプロバイダーをインポート
import-close = 閉じる
import-confirm-command = インポートする前に、上のトークンコマンドを確認してください。
# { $names } はインポートしたプロバイダーの ID をカンマで区切ったものです。
import-done = { $names } をインポートしました。「テスト」を押して確認してから、「使用」を押すと Codex の接続先が切り替わります。
import-fix-share-has-key = Switchboard から共有し直すよう送信者に依頼してください（Switchboard はキーを含めずに共有します）。何もインポートされていません。
import-fix-share-runs-command = 許可するには、「このコマンドを確認し、信頼して実行を許可します」にチェックを入れてください。何もインポートされていません。
import-fix-bad-share = 新しいリンクまたはファイルを送信者に依頼してください。何もインポートされていません。
import-fix-share-version = Switchboard を更新するか、お使いのバージョンで作成された共有データを依頼してください。何もインポートされていません。
import-fix-id = 別の ID を選んでください。何もインポートされていません。
import-fix-nothing = 何もインポートされていません。

## セッション

sessions-title = セッション
sessions-lead = Codex に表示されるのは、アクティブなプロバイダーのセッションだけです。どのセッションもディスクに残っており、それぞれ作成したときのプロバイダーで再開されます。
sessions-filter-label = プロバイダー
sessions-all = すべてのプロバイダー
sessions-refresh = 更新
sessions-none-for = { $provider } の保存済みセッションはありません。
sessions-none = 保存された Codex のセッションはまだありません。Codex を実行すると、ここに表示されます。
sessions-list-label = セッション
sessions-no-message = （メッセージなし）
sessions-command-title = ターミナルで実行するコマンド
# { $session } はセッションの最初のメッセージ、なければその ID です。
sessions-copy-label = 再開コマンドをコピー：{ $session }
sessions-copy = 再開コマンドをコピー
sessions-copied = コピーしました

## プロバイダーの共有

share-label = { $id } を共有
share-link = キーを含まないリンク
share-link-copied = キーを含まないリンク（コピーしました）
share-help = チームのメンバーに送ってください。相手の Switchboard の「インポート」画面で開かれ、相手が自分のキーを貼り付けます。
# { $path } はコードとして表示されます。
share-saved = { $path } に保存しました
share-copy = リンクをコピー
share-copied = コピーしました
share-save = ファイルを保存
share-close = 閉じる

## キーチェーンの外にあるキー

keys-plain-label = 平文のキー
keys-plain-title = { $count } 件のキーが平文で保存されています
keys-plain-body = Codex のフォルダー、バックアップ、同期している dotfile を読み取れる人は、誰でもこの { $count } 件のキーを使用できます。
keys-where = 場所を表示
keys-hide = 非表示
keys-where-bearer-token = { $provider }：{ $file } の experimental_bearer_token
keys-where-header = { $provider }：{ $file } の { $header } ヘッダー
keys-stays = — このまま残ります：Codex がキーチェーンのキーを送信できるのは Bearer トークンとしてのみです
keys-move = キーチェーンに移動
keys-moving = 移動中…
keys-env-label = 環境変数のキー
keys-env-title = { $count } 件のプロバイダーがシェル変数からキーを読み取っています
keys-env-body = Dock、IDE、Codex アプリから起動した Codex は、シェル変数を参照できません。値を一度貼り付ければ、キーチェーンに保存されます。
keys-env-value = { $provider }：${ $name } の値
keys-fix-env-unset = 欄にキーの値を貼り付けてから、「キーチェーンに移動」を押してください。何も書き込まれていません。
keys-fix-unmovable-key = Codex がキーチェーンのキーを送信できるのは Bearer トークンとしてのみのため、このヘッダーは config.toml に残ります。何も書き込まれていません。
keys-fix-conflicting-keys = config.toml で、このプロバイダーの誤っているほうのキーを削除してから、もう一度お試しください。何も書き込まれていません。
keys-dismiss = 閉じる

## CC Switch からのインポート

cc-title = CC Switch からインポート
cc-lead = Switchboard は CC Switch のデータベースを変更せずに読み取ります。インポートした各プロバイダーのキーは、平文ではなくシステムのキーチェーンに保存されます。
cc-db-label = CC Switch のデータベース
cc-read = 読み込み
cc-reading = 読み込み中…
cc-db-help = CC Switch の設定でフォルダーを移動していなければ、~/.cc-switch にあります。
cc-reading-db = CC Switch のデータベースを読み込んでいます…
cc-source = { $path } · スキーマバージョン { $version }
cc-empty = CC Switch には、インポートできる Codex のプロバイダーがありません。
cc-list-label = CC Switch のプロバイダー
cc-no-address = アドレスなし
# { $id } はコードとして表示されます。ここでプロバイダーに付けられる ID です。
cc-as-id = { $id } として追加
cc-key-into-keychain = キーはキーチェーンへ
cc-no-key = キーなし
cc-why-duplicate = { $provider } として追加済み（アドレスとモデルが同じ）
cc-why-official = CC Switch 経由でサインインするため、独自のキーがありません（OpenAI へのサインインは Codex に組み込まれています）
cc-why-not-responses = CC Switch が別の API から変換しているプロバイダーです。Codex には Responses API が必要です
cc-why-unusable = 使用できません
cc-cancel = キャンセル
cc-importing = インポート中…
cc-nothing-selected = 選択されていません
cc-import-count = { $count } 件のプロバイダーをインポート

# ルーター（issue 22）：1 つの Codex ですべてのモデルを
header-codex-uses-routed = Codex は { $provider } を使用中（Switchboard 経由）
header-codex-uses-routed-title = Codex は Switchboard のルーター経由で { $provider } · { $model } を使用しています。Switchboard の選択に従うセッションは次のターンで切り替わります。
row-direct = 直接接続
row-direct-title = Codex はこのプロバイダーに独立したプロバイダーとして直接接続します。Switchboard のルーターは通りません。
button-models = モデル · { $count }
models-label = Codex での { $provider } のモデル
models-lead = Codex の /model ピッカーには { $provider } の次のモデルが表示されます。そこで選ぶか、ここで「使用」を押してください。Codex の既定モデルを使うセッションは次のターンから切り替わります。
models-lead-direct = Codex は { $provider } に直接接続しているため、そのプロバイダー自身のモデルだけを使います。さらにモデルを表示するには、再び Switchboard 経由にしてください。
models-own = 既定のモデル
models-in-use = 使用中
models-use = 使用
models-asking = { $provider } にモデルを問い合わせています…
models-offered = { $provider } にはほかに { $count } 個のモデルがあります。チェックすると Codex に表示されます。
models-none-offered = { $provider } はモデルの一覧を返しませんでした。モデル名を入力してください。
models-add-label = ほかのモデル
models-add = 表示する
models-direct = Switchboard のルーターを通さず直接接続する
models-direct-help = ローカルの中継を禁止するポリシー向けです。Codex がプロバイダーに直接接続し、そのセッションはほかのプロバイダーのものと別に保存され、切り替えは実行中のセッションに届かなくなります。
running-title = 実行中の Codex セッション
running-empty = 過去 1 時間に Switchboard 経由でターンを送った Codex セッションはありません。ターミナル、VS Code、Codex アプリのセッションが送ると、ここに表示されます。
running-follows = Switchboard の選択に従う
running-pinned = { $model } に固定
running-last = 最後のターン { $ago }：{ $provider } · { $model }
running-client-exec = codex exec
running-client-tui = ターミナルの Codex
running-client-vscode = VS Code の Codex
running-client-app = Codex アプリ
running-client-unknown = Codex

## Updates (issue 24): the offer at start, and the footer's switch
update-title = Switchboard { $version } が利用できます
update-current = 現在のバージョンは { $current } です。
update-date = 公開日：{ $date }。
update-notes = 新機能と変更点
update-notes-none = このリリースにはリリースノートがありません。
update-keeps = インストールすると、アプリとそのコマンドラインツール、トレイが置き換わります。プロバイダー、config.toml、キーはそのまま残ります。
update-install = インストールして再起動
update-later = あとで
update-installing = { $version } をダウンロードし、署名を確認しています…
update-failed-signature = アップデートを拒否しました：署名が Switchboard のキーと一致しません。何も変更されていません。
update-failed-download = アップデートをダウンロードできませんでした。何も変更されていません。しばらくしてからもう一度お試しください。
update-failed-install = アップデートをインストールできませんでした。何も変更されていません。
update-failed-gone = このアップデートはもう提供されていません。何も変更されていません。
update-dismiss = 閉じる
update-check = アップデートを確認
update-check-title = 起動するたびに、Switchboard はリリースフィードに新しいバージョンがあるか問い合わせ、インストールする前にあなたに確認します。

## 使用量 (issue 23)
nav-usage = 使用量
usage-title = 使用量
usage-lead = Codex が Switchboard のルーター経由で送ったリクエストを、プロバイダーの報告どおりに集計します。プロンプト、回答、キーは保存しません。
usage-zone = 日付は { $zone } 基準です。
usage-period-label = 期間
usage-period-days = 過去 { $days } 日
usage-period-all = 保存済みの全期間
usage-loading = 集計を読み込んでいます…
usage-empty-title = この期間の集計はまだありません
usage-empty-body = Codex が Switchboard のルーター経由でプロバイダーに接続すると集計されます（「プロバイダー」ページでモデルを選び、いつもどおり Codex を使ってください）。直接接続したプロバイダーは集計されません。
usage-chart-label = プロバイダー別の日ごとのトークン数
usage-chart-summary = { $days } 日間で { $tokens } トークン（{ $providers } 件のプロバイダー）。数値は下の表をご覧ください。
usage-legend = プロバイダー
usage-by-model = モデル別
usage-col-model = モデル
usage-col-requests = リクエスト
usage-col-failovers = フェイルオーバー
usage-col-input = 入力
usage-col-cached = キャッシュ
usage-col-output = 出力
usage-col-reasoning = 推論
usage-col-total = 合計トークン
usage-col-cost = 費用
usage-total = 合計
usage-partial = * 印の付いた費用には、価格が不明なリクエストの分は含まれていません。
usage-not-counted = { $count } 件のリクエストを集計できませんでした（ルーターのキューが満杯でした）。これらの数値には含まれていません。
usage-failovers-title = 最近のフェイルオーバー
usage-failover-line = { $from } が{ $why }ため、{ $to } が応答しました（{ $model }）。
usage-reason-connect = 到達不能だった
usage-reason-timeout = 時間内に応答しなかった
usage-reason-status_5xx = サーバーエラー（{ $status }）を返した
usage-reason-rate_limited = レート制限（{ $status }）を受けた
usage-reason-error_event = 出力前にエラーを返した
usage-reason-cooling_down = 失敗が続いて休止中だった
usage-reason-over_budget = 月間予算を超えていた
usage-budgets-title = 今月の予算
usage-budget-of = { $provider } の予算の使用率
usage-budget-ok = { $budget } のうち { $spent }（{ $percent }%）
usage-budget-warn = { $budget } のうち { $spent }（{ $percent }%）：予算に近づいています
usage-budget-over = { $budget } のうち { $spent }（{ $percent }%）：予算超過。リクエストはフォールバックに回されます
usage-prices-title = 価格と予算
usage-prices-lead = 価格は 100 万トークンあたりの金額です。OpenRouter の価格は OpenRouter 自身の価格一覧から取得します。その他のプロバイダーでは、価格を設定すると費用が表示されます。月間予算はこの価格をもとに計算されます。
usage-price-yours = 入力 { $input }、出力 { $output }
usage-price-listed = プロバイダー自身の価格一覧（{ $count } モデル）
usage-price-none = 価格不明
usage-budget-set = 月間予算 { $amount }
usage-budget-none = 予算なし
usage-edit = 編集
usage-edit-close = 完了
usage-price-form = { $provider } の価格
usage-budget-form = { $provider } の月間予算
usage-currency = 通貨
usage-price-input = 入力（100 万トークンあたり）
usage-price-output = 出力（100 万トークンあたり）
usage-save-price = 価格を保存
usage-clear-price = 価格を削除
usage-budget-monthly = 月間予算
usage-save-budget = 予算を保存
usage-clear-budget = 予算を削除
usage-budget-needs-price = 先に価格を設定してください。予算は価格をもとに計算されます。

## フェイルオーバー (issue 23)
fallback-button = { $count ->
        [0] フォールバック
       *[other] フォールバック { $count } 件
    }
fallback-title = { $slug } のフォールバック（試す順）
fallback-lead = { $slug } のプロバイダーに接続できない、時間内に応答しない、5xx で失敗する、長い待機（429）を求める、または出力前にエラーを返す場合、ルーターは下のモデルのうち受け付け可能な最初のモデルにリクエストを送ります。出力が Codex に届いた後は、リクエストを移すことはありません。
fallback-none = フォールバックはまだありません。このモデルのプロバイダーが失敗すると、そのターンは終了します。
fallback-add-label = フォールバックを追加
fallback-add-choose = モデルを選択…
fallback-add = 追加
fallback-no-candidates = フォールバックを設定するには、Codex が Switchboard のルーター経由で接続する別のプロバイダーを追加する（または別のモデルを表示する）必要があります。
fallback-up = { $slug } の順番を上げる
fallback-down = { $slug } の順番を下げる
fallback-remove = { $slug } をフォールバックから削除
fallback-drag-hint = ドラッグして順序を変更
fallback-deadline-label = リクエストをフォールバックに移すまでの応答待ち時間（秒）
fallback-deadline-save = 保存
fallback-deadline-help = 応答ヘッダーが届くまでの時間です。空欄の場合は既定値を使います。考えて回答を書く時間は制限されません。
row-moved = { $time } のフェイルオーバー：
