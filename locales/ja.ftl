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
